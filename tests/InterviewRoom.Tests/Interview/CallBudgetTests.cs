using InterviewRoom.Server.Infrastructure.Hubs;
using InterviewRoom.Server.Interview;
using Microsoft.Extensions.Time.Testing;

namespace InterviewRoom.Tests.Interview;

public sealed class CallBudgetTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void ABurst_IsAllowed_ThenCallsAreRefusedUntilTimePasses()
    {
        var budget = new CallBudget(burst: 5, perSecond: 2, time);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(budget.TryTake()));
        Assert.False(budget.TryTake());

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(budget.TryTake());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(budget.TryTake());
        Assert.False(budget.TryTake());
    }

    [Fact]
    public void AnIdleConnection_RefillsToTheBurst_NeverBeyondIt()
    {
        var budget = new CallBudget(burst: 3, perSecond: 10, time);
        Assert.True(budget.TryTake());

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => budget.TryTake()));
    }

    [Fact]
    public void ASteadyCaller_AtTheRate_IsNeverRefused()
    {
        var budget = new CallBudget(burst: 1, perSecond: 10, time);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(budget.TryTake(), $"call {i}");
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }
}
