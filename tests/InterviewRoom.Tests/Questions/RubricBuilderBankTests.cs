using System.Text.RegularExpressions;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;
using Xunit.Abstractions;

namespace InterviewRoom.Tests.Questions;

/// <summary>The builder over the whole seed: every rubric keeps the rules, and the counts are printed.</summary>
public sealed partial class RubricBuilderBankTests(ITestOutputHelper output)
{
    [Fact]
    public void Build_EverySeedQuestion_KeepsEveryMechanicalRule()
    {
        var problems = SeedQuestions.All.SelectMany(q => RubricRules.Problems(RubricBuilder.Build(q), q)).ToList();

        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }

    [Fact]
    public void Build_EverySeedQuestion_GivesThreeToSixWholeItemsAndShortAnchors()
    {
        var problems = new List<string>();
        foreach (var q in SeedQuestions.All)
        {
            var rubric = RubricBuilder.Build(q);
            if (rubric.Criteria.Count is < 3 or > 6)
            {
                problems.Add($"Q{q.Number}: {rubric.Criteria.Count} criteria");
            }

            problems.AddRange(rubric.Criteria.Where(c => CodeMark().IsMatch(c.Text) || BadPunctuation().IsMatch(c.Text) || !char.IsUpper(c.Text[0]))
                .Select(c => $"Q{q.Number} {c.Id}: code, punctuation or casing: {c.Text}"));
            problems.AddRange(rubric.Anchors.Where(a => a.Anchor.Length > 260 || a.Anchor.Contains('…', StringComparison.Ordinal) || RubricRules.IsCutOff(a.Anchor))
                .Select(a => $"Q{q.Number} anchor {a.Score}: {a.Anchor.Length} characters or cut off: {a.Anchor}"));
            if (rubric.Note is { Length: > 600 })
            {
                problems.Add($"Q{q.Number}: note of {rubric.Note.Length} characters");
            }
        }

        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }

    [Fact]
    public void Build_EverySeedQuestion_IsDeterministicAndNumbersItemsFromOne()
    {
        Assert.All(SeedQuestions.All, q =>
        {
            var first = RubricBuilder.Build(q);
            var second = RubricBuilder.Build(q);
            Assert.Equal(first.Criteria, second.Criteria);
            Assert.Equal(first.RedFlags, second.RedFlags);
            Assert.Equal(first.Anchors, second.Anchors);
            Assert.Equal((first.Note, first.NeedsReview), (second.Note, second.NeedsReview));
            Assert.Equal(first.Criteria.Select((_, i) => $"c{i + 1}"), first.Criteria.Select(c => c.Id));
            Assert.Equal(first.RedFlags.SkipLast(1).Select((_, i) => $"r{i + 1}"), first.RedFlags.SkipLast(1).Select(r => r.Id));
        });
    }

    [Fact]
    public void Build_EverySeedQuestion_PrintsTheCounts()
    {
        var rubrics = SeedQuestions.All.Select(RubricBuilder.Build).ToList();
        var items = rubrics.SelectMany(r => r.Criteria).Select(c => c.Text).ToList();

        output.WriteLine("Criteria per question: " + string.Join(", ", rubrics.GroupBy(r => r.Criteria.Count).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"One-item rubrics: {rubrics.Count(r => r.Criteria.Count == 1)}");
        output.WriteLine($"Items over {RubricRules.MaxCriterionLength} characters: {items.Count(t => t.Length > RubricRules.MaxCriterionLength)}");
        output.WriteLine($"Cut-off items: {items.Count(RubricRules.IsCutOff)}");
        output.WriteLine($"First-person items: {items.Count(RubricRules.HasFirstPerson)}");
        output.WriteLine($"Items addressed to the candidate: {items.Count(RubricRules.IsAddressedToCandidate)}");
        output.WriteLine($"Dangling It/This/So… items: {items.Count(RubricRules.IsDangling)}");
        output.WriteLine($"Items: {items.Count}; core: {rubrics.Sum(r => r.Criteria.Count(c => c.Core))}; needs review: {rubrics.Count(r => r.NeedsReview is not null)}; with a note: {rubrics.Count(r => r.Note is not null)}");
        output.WriteLine("Sources: " + string.Join(", ", rubrics.SelectMany(r => r.Criteria).GroupBy(c => c.SourceDetail is null ? c.Source : $"{c.Source}/{c.SourceDetail}").OrderByDescending(g => g.Count()).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(200, rubrics.Count);
    }

    [GeneratedRegex(@"[{}]|=>|\s=\s|\w\([^)]*\);|\bconst\s|\bdef\s\w+\(")]
    private static partial Regex CodeMark();

    [GeneratedRegex(@"\be\.g,|\s[,;:]|,,|\.\.(?!\.)|\(\s|\s\)")]
    private static partial Regex BadPunctuation();
}
