using Microsoft.AspNetCore.Connections;

namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// One hub connection as the guard sees it: when it last sent a message the server could read, and the call budget
/// it spends (its seat's, shared by every connection of that seat on this instance). Created by
/// <see cref="GuardedHubs"/> around the hub's connection handler, and visible to the protocol
/// (<see cref="Current"/>) and to the hub filter (<see cref="Of"/>).
/// </summary>
internal sealed class ConnectionGuard(ConnectionContext connection, Guid? seat, CallBudget budget, TimeProvider time)
{
    private const string ItemKey = "connection-guard";

    // The hub's connection handler parses every frame in the async flow the guard's middleware started, so the
    // protocol, a singleton shared by all connections, finds the connection it is parsing for here.
    private static readonly AsyncLocal<ConnectionGuard?> CurrentGuard = new();

    private long lastHeard = time.GetTimestamp();

    public static ConnectionGuard? Current => CurrentGuard.Value;

    public ConnectionContext Connection => connection;

    public Guid? Seat => seat;

    public CallBudget Budget => budget;

    /// <summary>Frames the protocol could not read (unknown type, malformed, unbound), for the log line at the close.</summary>
    public int Unreadable { get; private set; }

    /// <summary>How long since the connection last sent a message the server read (the handshake counts as one).</summary>
    public TimeSpan Silence => time.GetElapsedTime(Interlocked.Read(ref lastHeard));

    public static ConnectionGuard? Of(IDictionary<object, object?> connectionItems) =>
        connectionItems.TryGetValue(ItemKey, out var guard) ? guard as ConnectionGuard : null;

    public void Attach()
    {
        connection.Items[ItemKey] = this;
        CurrentGuard.Value = this;
    }

    public void Heard() => Interlocked.Exchange(ref lastHeard, time.GetTimestamp());

    public void CountUnreadable() => Unreadable++;
}
