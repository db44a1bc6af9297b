using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Tests.Questions;

/// <summary>Structure of the real seed and the page noise that must not reach the bank.</summary>
public sealed class SeedParserNoiseTests
{
    private static readonly string[] NewsletterHeader =
    [
        "DON'T WANT TO MISS A THING?", "Certification Exam Passing Tips", "Latest exam news", "Yes, send me the newsletter",
        "SPOTO", "View Other Interview Questions", "Whether you're preparing for your first job interview",
    ];

    private static readonly string[] CareerAccelerationAd =
    [
        "Career Acceleration", "Earn a certification", "26% higher", "100% Pass Rate", "Weeks of Dump Practice",
        "Pass the Certification Exam",
    ];

    [Fact]
    public void Parse_RealSeed_YieldsExactly200NumberedQuestions()
    {
        var questions = SeedQuestions.All;

        Assert.Equal(Enumerable.Range(1, 200), questions.Select(q => q.Number));
        Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Text)));
    }

    [Fact]
    public void Parse_RealSeed_FirstAndLastQuestionsAreTheRealOnes()
    {
        Assert.Equal("What have you achieved recently that you are proud of?", SeedQuestions.Q(1).Text);
        Assert.StartsWith("I recently led a migration of a monolithic application", SeedQuestions.Q(1).ReferenceAnswer);
        Assert.Equal("What is Spring IOC Container?", SeedQuestions.Q(200).Text);
        Assert.EndsWith("manage the components that make up the application.", SeedQuestions.Q(200).ReferenceAnswer);
    }

    [Fact]
    public void Parse_RealSeed_NewsletterHeaderIsInNoField()
    {
        Assert.All(SeedQuestions.All.SelectMany(SeedQuestions.Fields), field =>
            Assert.DoesNotContain(NewsletterHeader, h => field.Contains(h, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Parse_CareerAccelerationAdAfterQuestion2_IsDroppedAndQuestion3IsIntact()
    {
        Assert.Equal(
            "WebSockets provide full-duplex communication channels over a single TCP connection, allowing for real-time communication.",
            SeedQuestions.Q(2).ReferenceAnswer);
        Assert.All(SeedQuestions.All.SelectMany(SeedQuestions.Fields), field =>
            Assert.DoesNotContain(CareerAccelerationAd, a => field.Contains(a, StringComparison.OrdinalIgnoreCase)));

        var q3 = SeedQuestions.Q(3);
        Assert.Equal("What is NodeJS streams?", q3.Text);
        Assert.StartsWith("Streams are one of the fundamental concepts of NodeJS.", q3.ReferenceAnswer);
    }

    [Fact]
    public void Parse_JobBoardAdGluedToQuestion25_IsRemovedAndTheAnswerKept()
    {
        var answer = SeedQuestions.Q(25).ReferenceAnswer;

        Assert.DoesNotContain("4-day week", answer);
        Assert.DoesNotContain("Browse", answer);
        Assert.StartsWith("Error handling and logging are crucial aspects of backend development.", answer);
        Assert.Contains("I usually implement central error handling", answer);
        Assert.EndsWith("depending on the project's requirements.", answer);
    }

    [Fact]
    public void Parse_FooterAfterLastQuestion_IsDropped()
    {
        var withFooter = TestFiles.ReadSeed() + "\nCareer Acceleration\n\n1 100% Pass Rate\nView Other Interview Questions\n© 2025 SPOTO. All rights reserved.\n";

        var last = SeedParser.Parse(withFooter)[^1];

        Assert.Equal(200, last.Number);
        Assert.Equal(SeedQuestions.Q(200).ReferenceAnswer, last.ReferenceAnswer);
    }

    [Fact]
    public void Parse_NoFieldAnywhere_HoldsMojibake()
    {
        string[] mojibake = ["â", "Ã", "Â", "€", "\uFFFD"];

        Assert.All(SeedQuestions.All.SelectMany(SeedQuestions.Fields), field =>
        {
            Assert.DoesNotContain(mojibake, m => field.Contains(m, StringComparison.Ordinal));
            Assert.DoesNotContain(field, c => c is >= '\u0080' and <= '\u009F');
        });
    }

    [Theory]
    [InlineData(23, "production Kafka experience — our event streaming background")]
    [InlineData(52, "Profiling revealed the problem immediately — we were making 12 to 18")]
    [InlineData(103, "handle failures predictably — every error returns a machine-readable code")]
    public void Parse_LoneMisDecodedDash_IsRepairedToEmDash(int number, string repaired)
    {
        Assert.Contains(repaired, SeedQuestions.Q(number).ReferenceAnswer);
    }

    [Theory]
    [InlineData("It was fast â€” very fast.", "It was fast — very fast.")]
    [InlineData("Itâ€™s â€œquotedâ€\u009d", "It’s “quoted”")]
    [InlineData("cafÃ© 10Â\u00A0ms", "café 10 ms")]
    [InlineData("range 1â€“5", "range 1–5")]
    public void Parse_ClassicMojibakeInAnswers_IsRepaired(string broken, string expected)
    {
        var question = SeedParser.Parse($"1\nWhat?\nReference answer\n{broken}").Single();

        Assert.Equal(expected, question.ReferenceAnswer);
    }

    [Fact]
    public void Parse_RealSeed_KeepsCharactersThatWereNeverBroken()
    {
        Assert.Contains("0.1 + 0.2 ≠ 0.3", SeedQuestions.Q(127).Text);
        Assert.Contains("“5”", SeedQuestions.Q(75).ReferenceAnswer);
        Assert.Contains("three guarantees—consistency, availability, and partition tolerance—can", SeedQuestions.Q(100).ReferenceAnswer);
    }

    [Fact]
    public void Parse_StrayMarkdownBoldInQuestion121_IsRemoved()
    {
        Assert.Contains("- Avoid SELECT * – Fetch only necessary fields.", SeedQuestions.Q(121).ReferenceAnswer);
        Assert.DoesNotContain("**", SeedQuestions.Q(121).ReferenceAnswer);
    }
}
