using InterviewRoom.Contracts.Classes;
using InterviewRoom.Data;
using InterviewRoom.Server.Interview.State;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// Pushes of the class hub, always after the change is committed: the instructor's dashboard hears of every
/// change in every room of the class; each person hears of their own seat.
/// </summary>
internal sealed class ClassNotifier(IHubContext<ClassHub, IClassClient> hub, InterviewRoomDb db, ClassViews views)
{
    /// <summary>Called for every room event; a room outside any class costs nothing.</summary>
    public async Task RoomChanged(Guid? classId, Guid roomId)
    {
        if (classId is { } id)
        {
            await hub.Clients.Group(ClassGroups.Instructor(id)).ClassRoomChanged(await views.RoomAsync(db, roomId, default));
        }
    }

    /// <summary>The same, from the room as it is held in memory right after a change (no room query).</summary>
    public async Task RoomChanged(LiveRoom room)
    {
        if (room.Room.ClassId is { } id)
        {
            await hub.Clients.Group(ClassGroups.Instructor(id)).ClassRoomChanged(await views.RoomAsync(db, room, default));
        }
    }

    public async Task ClassChanged(Guid classId) =>
        await hub.Clients.Group(ClassGroups.Instructor(classId))
            .ClassChanged(await views.StateAsync(db, new ClassCaller(classId, null, ""), default));

    public Task Assigned(Guid principalId, AssignedEvent assigned) =>
        hub.Clients.Group(ClassGroups.Person(principalId)).Assigned(assigned);

    public Task ClassEnded(ClassEndedEvent ended) => hub.Clients.Group(ClassGroups.Everyone(ended.ClassId)).ClassEnded(ended);
}
