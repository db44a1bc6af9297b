namespace InterviewRoom.Data.Entities;

/// <summary>
/// One open hub connection, on whichever server instance holds it: presence is what these rows say, so every
/// instance sees the same people online. A row belongs to a live instance only while that instance's
/// <see cref="ServerInstance.SeenAt"/> is recent; a killed instance's rows stop counting and are swept.
/// </summary>
public sealed class LiveConnection
{
    public required string ConnectionId { get; set; }

    /// <summary>The seat (interview hub) or the class student (class hub) connected.</summary>
    public required Guid PrincipalId { get; set; }

    public required string InstanceId { get; set; }

    public required DateTime ConnectedAt { get; set; }
}

/// <summary>A running server instance and its last heartbeat.</summary>
public sealed class ServerInstance
{
    public required string Id { get; set; }

    public required DateTime StartedAt { get; set; }

    public required DateTime SeenAt { get; set; }
}
