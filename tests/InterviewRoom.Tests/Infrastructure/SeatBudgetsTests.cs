using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Infrastructure.Hubs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InterviewRoom.Tests.Infrastructure;

public sealed class SeatBudgetsTests
{
    private readonly FakeTimeProvider time = new();
    private readonly SeatBudgets budgets;

    public SeatBudgetsTests() =>
        budgets = new SeatBudgets(Options.Create(new HubSettings { CallBurst = 3, CallsPerSecond = 1 }), time);

    [Fact]
    public void ConnectionsOfOneSeat_ShareOneBudget_AndOtherSeatsHaveTheirOwn()
    {
        var seat = Guid.NewGuid();
        var first = budgets.Acquire(seat);
        var second = budgets.Acquire(seat);
        Assert.Same(first, second);
        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(first.TryTake()));
        Assert.False(second.TryTake());
        Assert.True(budgets.Acquire(Guid.NewGuid()).TryTake());
        Assert.NotSame(budgets.Acquire(null), budgets.Acquire(null)); // no seat: one per connection
    }

    [Fact]
    public void ClosingEveryConnection_DoesNotBuyAFreshBudget_UntilTheOldOneHasRefilled()
    {
        var seat = Guid.NewGuid();
        var budget = budgets.Acquire(seat);
        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(budget.TryTake()));
        budgets.Release(seat);

        Assert.Same(budget, budgets.Acquire(seat)); // spent, so kept
        Assert.False(budget.TryTake());
        budgets.Release(seat);

        time.Advance(TimeSpan.FromSeconds(3));
        budgets.Prune();
        Assert.Equal(0, budgets.Count);
        Assert.NotSame(budget, budgets.Acquire(seat));
    }

    [Fact]
    public void ABudgetInUse_IsNeverPruned()
    {
        var seat = Guid.NewGuid();
        budgets.Acquire(seat);
        time.Advance(TimeSpan.FromMinutes(5));
        budgets.Prune();
        Assert.Equal(1, budgets.Count);
    }
}
