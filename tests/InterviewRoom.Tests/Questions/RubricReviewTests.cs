using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;

namespace InterviewRoom.Tests.Questions;

/// <summary>Reading the review file and laying a reviewed rubric over a question.</summary>
public sealed class RubricReviewTests
{
    private const string Entry15 = """
        {
          "number": 15,
          "question": "How would you implement rate limiting for an API?",
          "timeLimitSeconds": 420,
          "note": "A note.",
          "criteria": [
            { "text": "Says a token bucket allows short bursts", "core": true, "source": "referenceAnswer" },
            { "text": "Keeps counters in a shared store", "core": false, "source": "reviewed" },
            { "text": "Answers over-limit calls with 429", "core": true, "source": "guidance" }
          ],
          "redFlags": [ { "text": "Counts without atomic updates across instances", "source": "reviewed" } ],
          "anchors": { "1": "No scheme.", "3": "Token bucket, shared store, 429.", "5": "Trade-offs too." }
        }
        """;

    private static string File(params string[] entries) => $$"""{ "bank": "backend-seed", "questions": [ {{string.Join(",", entries)}} ] }""";

    [Fact]
    public void For_AReviewedQuestion_GivesItsCriteriaCoreMarksProvenanceAnchorsAndTimeBox()
    {
        var reviewed = RubricReview.Parse(File(Entry15)).For(SeedQuestions.Q(15))!;

        Assert.Equal(420, reviewed.TimeLimitSeconds);
        Assert.Equal(
        [
            new Criterion("c1", "Says a token bucket allows short bursts", RubricSources.ReferenceAnswer, Core: true),
            new Criterion("c2", "Keeps counters in a shared store", RubricSources.Reviewed),
            new Criterion("c3", "Answers over-limit calls with 429", RubricSources.Guidance, Core: true),
        ], reviewed.Rubric.Criteria);
        Assert.Equal([new RedFlag("r1", "Counts without atomic updates across instances", RubricSources.Reviewed), StandardItems.SaidSomethingWrong], reviewed.Rubric.RedFlags);
        Assert.Equal([new ScaleAnchor(1, "No scheme."), new ScaleAnchor(3, "Token bucket, shared store, 429."), new ScaleAnchor(5, "Trade-offs too.")], reviewed.Rubric.Anchors);
        Assert.Equal("A note.", reviewed.Rubric.Note);
        Assert.True(reviewed.Rubric.Reviewed);
    }

    [Fact]
    public void For_AQuestionWithoutAnEntry_IsNull_SoTheBuildersRubricStays() =>
        Assert.Null(RubricReview.Parse(File(Entry15)).For(SeedQuestions.Q(16)));

    [Fact]
    public void For_ADuplicate_SharesTheRubricOfTheQuestionItRepeats_AndSaysSo()
    {
        var review = RubricReview.Parse(File(
            Entry15.Replace("\"number\": 15", "\"number\": 74").Replace("How would you implement rate limiting for an API?", "How do you manage asynchronous operations in Node.js?"),
            """{ "number": 161, "question": "How do you manage asynchronous operations in Node.js?", "sameAs": 74 }"""));

        var original = review.For(SeedQuestions.Q(74))!;
        var duplicate = review.For(SeedQuestions.Q(161))!;

        Assert.Equal(original.Rubric.Criteria, duplicate.Rubric.Criteria);
        Assert.Equal(original.TimeLimitSeconds, duplicate.TimeLimitSeconds);
        Assert.StartsWith("The same question as 74; it shares that question's rubric.", duplicate.Rubric.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AnEntryWrittenForAnotherQuestion_IsRefused_NamingBoth()
    {
        var review = RubricReview.Parse(File(Entry15.Replace("\"number\": 15", "\"number\": 16")));

        var error = Assert.Throws<InvalidDataException>(() => review.For(SeedQuestions.Q(16)));

        Assert.Contains("question 16", error.Message, StringComparison.Ordinal);
        Assert.Contains("How would you implement rate limiting for an API?", error.Message, StringComparison.Ordinal);
        Assert.Contains(SeedQuestions.Q(16).Text, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"source\": \"referenceAnswer\"", "\"source\": \"blog\"", "a source (guidance, referenceAnswer or reviewed)")]
    [InlineData("\"5\": \"Trade-offs too.\"", "\"4\": \"Trade-offs too.\"", "anchors must give levels")]
    [InlineData("\"timeLimitSeconds\": 420", "\"timeLimitSeconds\": 2", "timeLimitSeconds 2 is out of range")]
    [InlineData("\"note\": \"A note.\"", "\"notes\": \"A note.\"", "notes")]
    [InlineData("\"core\": true", "\"core\": false", "mark at least one criterion core")]
    public void Parse_ABrokenEntry_IsRefusedWithWhatToFix(string good, string bad, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => RubricReview.Parse(File(Entry15.Replace(good, bad))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TheSameQuestionTwice_OrASameAsThatLeadsNowhere_IsRefused()
    {
        Assert.Contains("reviewed twice", Assert.Throws<InvalidDataException>(() => RubricReview.Parse(File(Entry15, Entry15))).Message, StringComparison.Ordinal);
        Assert.Contains("sameAs 99 must name a question reviewed in full", Assert.Throws<InvalidDataException>(() => RubricReview.Parse(
            File("""{ "number": 104, "question": "Have you worked with version control systems such as Git before?", "sameAs": 99 }"""))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuiltInReviewFile_CoversEveryQuestionOfTheSeed_AndEachEntryMatchesItsQuestion()
    {
        var review = RubricReview.Load(Path.Combine(TestFiles.RepositoryRoot, "seed", "backend-rubric-review.json"));

        Assert.Equal(SeedQuestions.All.Select(q => q.Number).Order(), review.Numbers.Order());
        Assert.All(SeedQuestions.All, q => Assert.NotNull(review.For(q)));
    }
}
