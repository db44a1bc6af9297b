using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewRoom.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasIndex(q => new { q.Bank, q.Number }).IsUnique();
        builder.Property(q => q.Bank).HasMaxLength(64);
        builder.Property(q => q.Text).HasMaxLength(4000);
        builder.Property(q => q.AnswerMismatch).HasMaxLength(500);
        builder.Property(q => q.ImportHash).HasMaxLength(64);
        builder.Property(q => q.Topics).IsJson();
        builder.Property(q => q.Guidance).IsJson();
        builder.HasMany(q => q.Rubrics).WithOne(r => r.Question).HasForeignKey(r => r.QuestionId);
    }
}

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> builder)
    {
        builder.HasIndex(r => new { r.QuestionId, r.Version }).IsUnique();
        builder.Property(r => r.Criteria).IsJson();
        builder.Property(r => r.RedFlags).IsJson();
        builder.Property(r => r.Anchors).IsJson();
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.NeedsReview).HasMaxLength(1000);
    }
}
