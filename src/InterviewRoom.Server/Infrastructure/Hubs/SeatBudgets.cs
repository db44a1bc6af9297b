using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// The hub-call budgets of this instance, one per seat however many connections it opens (twenty tabs share one
/// budget), and one per connection for callers without a seat. Per instance: a seat connected to two instances
/// has two budgets (sticky sessions keep a browser on one, ADR 11).
/// </summary>
internal sealed class SeatBudgets(IOptions<HubSettings> settings, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Entry> seats = [];

    public CallBudget Acquire(Guid? seat)
    {
        if (seat is not { } id)
        {
            return NewBudget();
        }

        lock (gate)
        {
            if (!seats.TryGetValue(id, out var entry))
            {
                entry = new Entry(NewBudget());
                seats[id] = entry;
            }

            entry.Connections++;
            return entry.Budget;
        }
    }

    /// <summary>
    /// The seat's last connection closed: its budget goes once it has refilled, never earlier, so closing every
    /// connection and opening a new one does not buy a fresh budget.
    /// </summary>
    public void Release(Guid? seat)
    {
        if (seat is not { } id)
        {
            return;
        }

        lock (gate)
        {
            if (seats.TryGetValue(id, out var entry) && --entry.Connections == 0 && entry.Budget.IsFull)
            {
                seats.Remove(id);
            }
        }
    }

    /// <summary>Drops budgets of seats with no connection left once they have refilled (run by the watch).</summary>
    public void Prune()
    {
        lock (gate)
        {
            foreach (var (id, entry) in seats)
            {
                if (entry.Connections == 0 && entry.Budget.IsFull)
                {
                    seats.Remove(id);
                }
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return seats.Count;
            }
        }
    }

    private CallBudget NewBudget() => new(settings.Value.CallBurst, settings.Value.CallsPerSecond, time);

    private sealed class Entry(CallBudget budget)
    {
        public CallBudget Budget { get; } = budget;

        public int Connections { get; set; }
    }
}
