namespace InterviewRoom.Server.Interview;

/// <summary>
/// One SignalR group per seat: every connection of a participant joins theirs. Pushes pick the view per seat
/// from the role stored in the database at that moment, so a role swap or a move needs no group change, and
/// membership never decides what anyone may see.
/// </summary>
internal static class RoomGroups
{
    public static string Seat(Guid participantId) => $"seat:{participantId:N}";
}
