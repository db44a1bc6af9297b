using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Questions.Import;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Questions;

internal sealed record ImportResult(int Added, int Updated, int Unchanged, int KeptEdited);

/// <summary>
/// Loads the seed bank into the database: each question goes through <see cref="RubricBuilder"/>, then the
/// reviewed rubric and time box of the review file (when it has an entry) replace what the builder made.
/// Idempotent: questions are keyed by (bank, number) and carry a hash of what was imported, so a second run adds
/// nothing, a changed seed or review updates the question (with a new rubric version when the rubric changed,
/// so earlier scores keep the version they were given against), and a question a user edited is left as the
/// user made it.
/// </summary>
internal sealed class QuestionBankImporter(InterviewRoomDb db, TimeProvider time, QuestionCatalog catalog)
{
    public const string SeedBank = "backend-seed";

    public async Task<ImportResult> ImportSeedAsync(string path, string? reviewPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The question bank seed was not found at '{path}' (QuestionBank:SeedPath).", path);
        }

        if (reviewPath is not null && !File.Exists(reviewPath))
        {
            throw new FileNotFoundException($"The rubric review was not found at '{reviewPath}' (QuestionBank:ReviewPath).", reviewPath);
        }

        var parsed = SeedParser.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        var review = reviewPath is null ? RubricReview.None : RubricReview.Parse(await File.ReadAllTextAsync(reviewPath, cancellationToken));
        var existing = await db.Questions
            .Where(q => q.Bank == SeedBank)
            .Include(q => q.Rubrics.OrderByDescending(r => r.Version).Take(1))
            .ToDictionaryAsync(q => q.Number, cancellationToken);

        int added = 0, updated = 0, unchanged = 0, keptEdited = 0;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var parsedQuestion in parsed)
        {
            var reviewed = review.For(parsedQuestion);
            var rubric = reviewed?.Rubric ?? RubricBuilder.Build(parsedQuestion);
            var source = reviewed is null ? parsedQuestion : parsedQuestion with { DefaultTimeLimitSeconds = reviewed.TimeLimitSeconds };
            var hash = HashOf(source, rubric);
            if (!existing.TryGetValue(source.Number, out var question))
            {
                question = new Question
                {
                    Bank = SeedBank,
                    Number = source.Number,
                    Text = source.Text,
                    ReferenceAnswer = source.ReferenceAnswer,
                    Kind = source.Kind,
                    DefaultTimeLimitSeconds = source.DefaultTimeLimitSeconds,
                    ImportHash = hash,
                };
                Apply(source, question);
                question.Rubrics.Add(NewRubric(rubric, version: 1, now));
                db.Questions.Add(question);
                added++;
            }
            else if (question.EditedAt is not null)
            {
                keptEdited++;
            }
            else if (question.ImportHash == hash)
            {
                unchanged++;
            }
            else
            {
                Apply(source, question);
                question.ImportHash = hash;
                var current = question.Rubrics.Single();
                if (!SameRubric(current, rubric))
                {
                    question.Rubrics.Add(NewRubric(rubric, current.Version + 1, now));
                }

                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        catalog.QuestionsChanged();
        return new ImportResult(added, updated, unchanged, keptEdited);
    }

    private static void Apply(ParsedQuestion source, Question question)
    {
        question.Text = source.Text;
        question.ReferenceAnswer = source.ReferenceAnswer;
        question.Kind = source.Kind;
        question.Topics = [.. source.Topics];
        question.DefaultTimeLimitSeconds = source.DefaultTimeLimitSeconds;
        question.Guidance = [.. source.Guidance];
        question.DuplicateOfNumber = source.DuplicateOfNumber;
        question.AnswerMismatch = source.AnswerMismatch;
    }

    private static Rubric NewRubric(RubricContent content, int version, DateTime now) => new()
    {
        Version = version,
        Criteria = [.. content.Criteria],
        RedFlags = [.. content.RedFlags],
        Anchors = [.. content.Anchors],
        Note = content.Note,
        NeedsReview = content.NeedsReview,
        Reviewed = content.Reviewed,
        CreatedAt = now,
    };

    private static bool SameRubric(Rubric rubric, RubricContent content) =>
        rubric.Criteria.SequenceEqual(content.Criteria) && rubric.RedFlags.SequenceEqual(content.RedFlags)
        && rubric.Anchors.SequenceEqual(content.Anchors) && rubric.Note == content.Note
        && rubric.NeedsReview == content.NeedsReview && rubric.Reviewed == content.Reviewed;

    private static string HashOf(ParsedQuestion source, RubricContent rubric) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { source, rubric }))));
}
