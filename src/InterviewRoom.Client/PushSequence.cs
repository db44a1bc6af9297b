namespace InterviewRoom.Client;

/// <summary>What a room-wide push's number says about the pushes before it (docs/protocol.md section 6).</summary>
public enum PushOrder
{
    /// <summary>The next one: nothing was missed.</summary>
    Next,

    /// <summary>Already seen, or already in the last state read: a duplicate or a late arrival.</summary>
    Stale,

    /// <summary>At least one push before it never arrived: read the state again.</summary>
    Gap,

    /// <summary>A state read is under way: its answer decides (<see cref="PushSequence.EndSync"/>).</summary>
    Syncing,
}

/// <summary>
/// The client's half of the room's push numbers (ADR 0018): the number known from the last <c>GetState</c> and the
/// pushes since. A push numbered known + 1 advances it; a higher one means pushes were missed, so the state is read
/// again; one at or below it is stale. While a read is under way, pushes are only noted: the read's number, plus
/// the pushes that follow it without a hole, is what is known after it, and a hole left over asks for another read.
/// Thread-safe: pushes and the read's answer arrive on different threads.
/// </summary>
public sealed class PushSequence
{
    private readonly Lock gate = new();
    private readonly SortedSet<long> seenWhileSyncing = [];
    private long known;
    private bool syncing;

    /// <summary>The number of the latest push this client has accounted for.</summary>
    public long Known
    {
        get
        {
            lock (gate)
            {
                return known;
            }
        }
    }

    /// <summary>A room-wide push arrived with <paramref name="seq"/> (null: a server that does not number pushes).</summary>
    public PushOrder Observe(long? seq)
    {
        lock (gate)
        {
            if (seq is not { } n)
            {
                return PushOrder.Next;
            }

            if (syncing)
            {
                seenWhileSyncing.Add(n);
                return PushOrder.Syncing;
            }

            if (n <= known)
            {
                return PushOrder.Stale;
            }

            var order = n == known + 1 ? PushOrder.Next : PushOrder.Gap;
            known = n;
            return order;
        }
    }

    /// <summary>
    /// A push to this seat alone arrived with the room's latest number (it takes none of its own): true when that
    /// number is past what is known, i.e. a room-wide push was missed.
    /// </summary>
    public bool IsBehind(long? seq)
    {
        lock (gate)
        {
            return !syncing && seq > known;
        }
    }

    /// <summary>A state read starts; false when one is already under way (it will do: pushes are noted meanwhile).</summary>
    public bool BeginSync()
    {
        lock (gate)
        {
            if (syncing)
            {
                return false;
            }

            syncing = true;
            seenWhileSyncing.Clear();
            return true;
        }
    }

    /// <summary>
    /// The read answered with <paramref name="seq"/> (null when it failed: nothing is known then, so the next push
    /// decides). Returns true when pushes noted meanwhile leave a hole, so the state must be read once more.
    /// </summary>
    public bool EndSync(long? seq)
    {
        lock (gate)
        {
            syncing = false;
            if (seq is not { } n)
            {
                return false;
            }

            known = Math.Max(known, n);
            while (seenWhileSyncing.Remove(known + 1))
            {
                known++;
            }

            var hole = seenWhileSyncing.Max > known;
            seenWhileSyncing.Clear();
            return hole;
        }
    }
}

/// <summary>Pushes were missed: the last number accounted for was <paramref name="Known"/>, and one numbered <paramref name="Seen"/> arrived.</summary>
public sealed record MissedPushes(long Known, long Seen);
