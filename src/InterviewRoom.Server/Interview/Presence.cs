using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Live connections per participant on this server. Only transitions matter (first connection in, last out),
/// and an entry is removed at zero so the map stays as small as the set of people online.
/// </summary>
internal sealed class Presence
{
    private readonly Dictionary<Guid, int> connections = [];
    private readonly Lock gate = new();

    public int OnlineCount
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    /// <returns>True when this is the participant's first live connection.</returns>
    public bool Connected(Guid participantId)
    {
        lock (gate)
        {
            connections[participantId] = connections.GetValueOrDefault(participantId) + 1;
            return connections[participantId] == 1;
        }
    }

    /// <returns>True when the participant has no live connection left.</returns>
    public bool Disconnected(Guid participantId)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(participantId, out var count))
            {
                return false;
            }

            if (count > 1)
            {
                connections[participantId] = count - 1;
                return false;
            }

            connections.Remove(participantId);
            return true;
        }
    }

    public ParticipantView ViewOf(Participant participant) =>
        new(participant.Id, participant.Name, participant.Role, IsOnline(participant.Id));

    public bool IsOnline(Guid participantId)
    {
        lock (gate)
        {
            return connections.ContainsKey(participantId);
        }
    }
}
