using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Tests.Questions;

public sealed class QuestionClassifierTests
{
    [Theory]
    [InlineData(1, QuestionKind.Behavioral)]
    [InlineData(23, QuestionKind.Behavioral)]
    [InlineData(54, QuestionKind.Behavioral)]
    [InlineData(151, QuestionKind.Behavioral)]
    [InlineData(2, QuestionKind.Technical)]
    [InlineData(17, QuestionKind.Technical)]
    [InlineData(66, QuestionKind.Technical)]
    [InlineData(7, QuestionKind.Opinion)]
    [InlineData(11, QuestionKind.Opinion)]
    [InlineData(90, QuestionKind.Opinion)]
    [InlineData(8, QuestionKind.SystemDesign)]
    [InlineData(42, QuestionKind.SystemDesign)]
    [InlineData(193, QuestionKind.SystemDesign)]
    public void Parse_RealSeedQuestion_GetsTheKindItWasReadAs(int number, QuestionKind kind)
    {
        Assert.Equal(kind, SeedQuestions.Q(number).Kind);
    }

    [Fact]
    public void Parse_RealSeed_KindCountsAreStable()
    {
        var counts = SeedQuestions.All.GroupBy(q => q.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(151, counts[QuestionKind.Technical]);
        Assert.Equal(30, counts[QuestionKind.Behavioral]);
        Assert.Equal(10, counts[QuestionKind.SystemDesign]);
        Assert.Equal(9, counts[QuestionKind.Opinion]);
    }

    [Fact]
    public void Parse_EveryQuestion_HasATopicAndAPositiveTimeBox()
    {
        Assert.All(SeedQuestions.All, q =>
        {
            Assert.NotEmpty(q.Topics);
            Assert.All(q.Topics, t => Assert.Matches("^[a-z]+(-[a-z]+)*$", t));
            Assert.True(q.DefaultTimeLimitSeconds > 0);
            Assert.Equal(TimeBoxes.DefaultSeconds(q.Kind, q.Text), q.DefaultTimeLimitSeconds);
        });
    }

    [Theory]
    [InlineData(2, "networking")]
    [InlineData(17, "databases")]
    [InlineData(74, "nodejs")]
    [InlineData(114, "security")]
    [InlineData(151, "teamwork")]
    [InlineData(145, "messaging")]
    public void Parse_RealSeedQuestion_IsTaggedWithItsTopic(int number, string topic)
    {
        Assert.Contains(topic, SeedQuestions.Q(number).Topics);
    }

    [Fact]
    public void Topics_QuestionNamingNoTopic_FallsBackToTheAnswer()
    {
        var topics = QuestionClassifier.Topics("Tell me something.", "We cached the results in Redis to cut the cache misses.");

        Assert.Equal(["caching"], topics);
    }

    [Theory]
    [InlineData(1, 300)] // behavioural: a story
    [InlineData(7, 240)] // opinion
    [InlineData(2, 300)] // technical, a short definition: "What are web sockets?"
    [InlineData(6, 480)] // technical, code to review
    [InlineData(15, 480)] // technical, something to build: "How would you implement rate limiting…"
    [InlineData(17, 360)] // technical, an explanation: ACID and BASE
    [InlineData(8, 1800)] // system design
    public void DefaultSeconds_ByKindAndSize_GivesTheUnreviewedTimeBox(int number, int seconds)
    {
        var question = SeedQuestions.Q(number);

        Assert.Equal(seconds, TimeBoxes.DefaultSeconds(question.Kind, question.Text));
    }
}
