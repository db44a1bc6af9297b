using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Tests.Questions;

/// <summary>The real seed, parsed once for all question tests.</summary>
internal static class SeedQuestions
{
    private static readonly Lazy<IReadOnlyList<ParsedQuestion>> Parsed = new(() => SeedParser.Parse(TestFiles.ReadSeed()));

    public static IReadOnlyList<ParsedQuestion> All => Parsed.Value;

    public static ParsedQuestion Q(int number) => All.Single(q => q.Number == number);

    /// <summary>Every piece of text the importer produces for a question.</summary>
    public static IEnumerable<string> Fields(ParsedQuestion question) =>
        new[] { question.Text, question.ReferenceAnswer, question.AnswerMismatch ?? string.Empty }
            .Concat(question.Guidance.Select(g => g.Text))
            .Concat(question.Topics);
}
