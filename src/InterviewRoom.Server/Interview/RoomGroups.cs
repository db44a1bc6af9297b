using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Two SignalR groups per room, one per view: interviewers get the full view, candidates and observers the
/// public one. Membership only routes messages; every hub call still checks the caller's role itself.
/// </summary>
internal static class RoomGroups
{
    public static string Staff(Guid roomId) => $"room:{roomId:N}:staff";

    public static string Public(Guid roomId) => $"room:{roomId:N}:public";

    public static string For(Guid roomId, ParticipantRole role) =>
        role == ParticipantRole.Interviewer ? Staff(roomId) : Public(roomId);
}
