using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewRoom.Data.Configurations;

internal sealed class TurnConfiguration : IEntityTypeConfiguration<Turn>
{
    public void Configure(EntityTypeBuilder<Turn> builder)
    {
        builder.HasIndex(t => new { t.RoomId, t.Ordinal }).IsUnique();

        // The deadline watcher's query: open turns by deadline.
        builder.HasIndex(t => new { t.Deadline, t.TimeUpAt, t.SubmittedAt, t.ClosedAt });
        builder.Property(t => t.SubmitRequestId).HasMaxLength(64);
        builder.HasOne(t => t.Question).WithMany().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Rubric).WithMany().HasForeignKey(t => t.RubricId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Scores).WithOne(s => s.Turn).HasForeignKey(s => s.TurnId);
        builder.Property(t => t.Round).HasDefaultValue(1);
        builder.HasOne(t => t.Candidate).WithMany().HasForeignKey(t => t.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Interviewer).WithMany().HasForeignKey(t => t.InterviewerId).OnDelete(DeleteBehavior.Restrict);

        // No repeats: has this person been asked this question before?
        builder.HasIndex(t => new { t.CandidateId, t.QuestionId });
    }
}

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.HasIndex(s => new { s.TurnId, s.Version }).IsUnique();
        builder.HasIndex(s => new { s.TurnId, s.ClientRequestId }).IsUnique();
        builder.Property(s => s.ClientRequestId).HasMaxLength(64);
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.Property(s => s.Ratings).IsJson();
        builder.Property(s => s.RedFlags).IsJson();
        builder.HasOne(s => s.Rubric).WithMany().HasForeignKey(s => s.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}
