using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewRoom.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(16);
        builder.Property(r => r.ObserverKey).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(120);
        builder.HasMany(r => r.Participants).WithOne(p => p.Room).HasForeignKey(p => p.RoomId);
        builder.HasMany(r => r.Turns).WithOne(t => t.Room).HasForeignKey(t => t.RoomId);
        builder.Property(r => r.Round).HasDefaultValue(1);
        builder.HasOne(r => r.Class).WithMany(c => c.Rooms).HasForeignKey(r => r.ClassId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.HasIndex(p => p.TokenHash).IsUnique().HasFilter("[TokenHash] IS NOT NULL");
        builder.Property(p => p.TokenHash).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(80);

        // A room's seats: loading a room, its report, a class's cards. The one-candidate index below cannot serve
        // these (it is filtered), so without this every room load read the whole table.
        builder.HasIndex(p => p.RoomId);

        // A class student's (or instructor's) seats, newest first, to find the current one.
        builder.HasIndex(p => new { p.PrincipalId, p.RemovedAt });

        // One candidate seat per room, enforced by the database so two racing joins cannot both sit.
        // A seat whose student was moved elsewhere no longer counts. Square brackets quote identifiers in
        // both SQL Server and SQLite.
        builder.HasIndex(p => new { p.RoomId, p.Role })
            .IsUnique()
            .HasFilter("[Role] = 'Candidate' AND [RemovedAt] IS NULL")
            .HasDatabaseName("IX_Participants_OneCandidatePerRoom");
    }
}
