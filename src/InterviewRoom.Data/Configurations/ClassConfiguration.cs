using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewRoom.Data.Configurations;

internal sealed class ClassConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> builder)
    {
        builder.ToTable("Classes");
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.InstructorTokenHash).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.InstructorName).HasMaxLength(80);
        builder.Property(c => c.InstructorTokenHash).HasMaxLength(64);
        builder.Property(c => c.Questions).IsJson();
        builder.HasMany(c => c.Students).WithOne(s => s.Class).HasForeignKey(s => s.ClassId);
    }
}

internal sealed class ClassStudentConfiguration : IEntityTypeConfiguration<ClassStudent>
{
    public void Configure(EntityTypeBuilder<ClassStudent> builder)
    {
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(80);
    }
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> builder)
    {
        // The matcher reads the waiting tickets in arrival order.
        builder.HasIndex(t => new { t.Status, t.JoinedAt });
        builder.HasIndex(t => t.ConnectionId);
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.Property(t => t.Level).HasMaxLength(32);
        builder.Property(t => t.ConnectionId).HasMaxLength(128);
        builder.Property(t => t.Topics).IsJson();
        builder.Property(t => t.Kinds).IsJson();
    }
}
