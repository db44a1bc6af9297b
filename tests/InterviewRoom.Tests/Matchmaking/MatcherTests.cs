using InterviewRoom.Contracts.Matchmaking;
using InterviewRoom.Server.Matchmaking;

namespace InterviewRoom.Tests.Matchmaking;

public sealed class MatcherTests
{
    [Fact]
    public void Pair_PrefersFixedComplements_SoEitherFillsTheGap()
    {
        // Arrival order: an interviewer, someone flexible, two candidates.
        var (i1, e1, c1, c2) = (Seeker(QueueRole.Interviewer), Seeker(QueueRole.Either), Seeker(QueueRole.Candidate), Seeker(QueueRole.Candidate));

        var pairs = Matcher.Pair([i1, e1, c1, c2]);

        Assert.Equal([(i1.Id, c1.Id), (e1.Id, c2.Id)], pairs.Select(p => (p.Interviewer.Id, p.Candidate.Id)));
    }

    [Fact]
    public void Pair_NeverPairsTwoInterviewers_OrSomeoneWithThemselves()
    {
        var pairs = Matcher.Pair([Seeker(QueueRole.Interviewer), Seeker(QueueRole.Interviewer)]);
        Assert.Empty(pairs);
        Assert.Empty(Matcher.Pair([Seeker(QueueRole.Either)]));
    }

    [Fact]
    public void Pair_TwoFlexiblePeople_TheEarlierArrivalInterviewsFirst()
    {
        var (first, second) = (Seeker(QueueRole.Either), Seeker(QueueRole.Either));
        var pair = Assert.Single(Matcher.Pair([first, second]));
        Assert.Equal((first.Id, second.Id), (pair.Interviewer.Id, pair.Candidate.Id));
    }

    [Theory]
    [InlineData(new[] { "databases" }, new[] { "caching" }, null, null, false)]
    [InlineData(new[] { "databases", "caching" }, new[] { "caching" }, null, null, true)]
    [InlineData(new string[0], new[] { "caching" }, null, null, true)]
    [InlineData(new[] { "caching" }, new[] { "caching" }, "senior", "junior", false)]
    [InlineData(new[] { "caching" }, new[] { "caching" }, "Senior", "senior", true)]
    [InlineData(new[] { "caching" }, new[] { "caching" }, "senior", null, true)]
    public void Compatible_WhenTopicsOverlapOrOneIsOpen_AndLevelsAgree(string[] a, string[] b, string? levelA, string? levelB, bool expected) =>
        Assert.Equal(expected, Matcher.Compatible(Seeker(QueueRole.Either, a, levelA), Seeker(QueueRole.Either, b, levelB)));

    [Fact]
    public void Pair_FirstComeFirstServed_WithinCompatibility()
    {
        var late = Seeker(QueueRole.Candidate, ["caching"]);
        var early = Seeker(QueueRole.Candidate, ["databases"]);
        var interviewer = Seeker(QueueRole.Interviewer, ["databases", "caching"]);

        var pair = Assert.Single(Matcher.Pair([early, late, interviewer]));

        Assert.Equal(early.Id, pair.Candidate.Id);
    }

    private static Seeker Seeker(QueueRole role, string[]? topics = null, string? level = null) =>
        new(Guid.NewGuid(), topics ?? [], [], role, level);
}
