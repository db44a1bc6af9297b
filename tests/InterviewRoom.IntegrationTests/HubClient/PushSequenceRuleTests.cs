using InterviewRoom.Client;

namespace InterviewRoom.IntegrationTests.HubClient;

/// <summary>The .NET client's rule for the room's push numbers (docs/protocol.md section 6, "What a client does").</summary>
public sealed class PushSequenceRuleTests
{
    private static PushSequence SyncedAt(long seq)
    {
        var sequence = new PushSequence();
        sequence.BeginSync();
        Assert.False(sequence.EndSync(seq));
        return sequence;
    }

    [Fact]
    public void ThePushAfterTheState_IsNext_AndAdvances()
    {
        var sequence = SyncedAt(5);
        Assert.Equal(PushOrder.Next, sequence.Observe(6));
        Assert.Equal(PushOrder.Next, sequence.Observe(7));
        Assert.Equal(7, sequence.Known);
    }

    [Fact]
    public void APushAtOrBelowWhatIsKnown_IsStale_AndChangesNothing()
    {
        var sequence = SyncedAt(5);
        Assert.Equal(PushOrder.Stale, sequence.Observe(5));
        Assert.Equal(PushOrder.Stale, sequence.Observe(3));
        Assert.Equal(5, sequence.Known);
    }

    [Fact]
    public void APushPastTheNext_IsAGap_AndOnlyOneReadIsStartedForIt()
    {
        var sequence = SyncedAt(5);
        Assert.Equal(PushOrder.Gap, sequence.Observe(7));
        Assert.True(sequence.BeginSync());
        Assert.False(sequence.BeginSync()); // coalesced: one read at a time
        Assert.Equal(PushOrder.Syncing, sequence.Observe(9)); // noted, not a second read
        Assert.False(sequence.EndSync(8)); // the read covers 8; 9 follows without a hole
        Assert.Equal(9, sequence.Known);
        Assert.Equal(PushOrder.Next, sequence.Observe(10));
    }

    [Fact]
    public void APushNotedDuringARead_PastAHoleTheReadDidNotCover_AsksForAnotherRead()
    {
        var sequence = SyncedAt(5);
        sequence.BeginSync();
        sequence.Observe(8);
        Assert.True(sequence.EndSync(6)); // 7 is still missing
    }

    [Fact]
    public void APushToOneSeat_TakesNoNumber_ButShowsAMissedOne()
    {
        var sequence = SyncedAt(5);
        Assert.False(sequence.IsBehind(5));
        Assert.True(sequence.IsBehind(6));
        Assert.Equal(5, sequence.Known);
    }

    [Fact]
    public void APushWithoutANumber_FromAServerThatDoesNotNumber_IsTakenAsIs()
    {
        var sequence = SyncedAt(0);
        Assert.Equal(PushOrder.Next, sequence.Observe(null));
        Assert.False(sequence.IsBehind(null));
    }
}
