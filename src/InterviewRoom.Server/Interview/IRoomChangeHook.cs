using InterviewRoom.Server.Interview.State;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// How other features hear of changes to rooms without Interview knowing them: every implementation registered in
/// the container is called after the change is committed and the room's own pushes are out (the class dashboard
/// is one). Each call may use the scope's database context, so they run one after another, never at once.
/// </summary>
internal interface IRoomChangeHook
{
    /// <summary>Rooms changed (a turn, a score, a swap, an end), as this instance holds them right after the change.</summary>
    Task RoomsChanged(IReadOnlyList<LiveRoom> rooms);

    /// <summary>Someone came, went or moved in a room (presence, which the room in memory does not hold).</summary>
    Task PresenceChanged(Guid? classId, Guid roomId);

    /// <summary>People whose every connection was on instances that stopped are now offline.</summary>
    Task PeopleWentOffline(IReadOnlyCollection<Guid> ids);
}
