using InterviewRoom.Contracts.Matchmaking;

namespace InterviewRoom.Data.Entities;

/// <summary>
/// One person waiting in the matchmaking queue. Claimed for a pair by a conditional update of
/// <see cref="Status"/>, so a ticket is paired at most once whichever server instance does the pairing.
/// </summary>
public sealed class QueueTicket
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Topic tags wanted; empty means any.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Question kinds wanted (camelCase names); empty means any.</summary>
    public List<string> Kinds { get; set; } = [];

    public required QueueRole PreferredRole { get; set; }

    /// <summary>Optional level; two people with different levels are not paired.</summary>
    public string? Level { get; set; }

    /// <summary>The SignalR connection waiting for the pairing.</summary>
    public required string ConnectionId { get; set; }

    public required DateTime JoinedAt { get; set; }

    public required DateTime ExpiresAt { get; set; }

    public QueueTicketStatus Status { get; set; } = QueueTicketStatus.Waiting;

    public DateTime? ClosedAt { get; set; }

    public Guid? RoomId { get; set; }
}

public enum QueueTicketStatus
{
    Waiting,
    Paired,
    Left,
    Expired,
}
