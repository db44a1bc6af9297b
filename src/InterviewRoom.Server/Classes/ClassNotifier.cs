using InterviewRoom.Contracts.Classes;
using InterviewRoom.Data;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// Pushes of the class hub, always after the change is committed: the instructor's dashboard hears of every
/// change in every room of the class; each person hears of their own seat.
/// </summary>
internal sealed class ClassNotifier(IHubContext<ClassHub, IClassClient> hub, InterviewRoomDb db, ClassViews views) : IRoomChangeHook
{
    /// <summary>Each changed room of a class updates its card on the instructor's dashboard; other rooms cost nothing.</summary>
    public async Task RoomsChanged(IReadOnlyList<LiveRoom> rooms)
    {
        var ofClasses = rooms.Where(r => r.Room.ClassId is not null).ToList();
        if (ofClasses.Count == 0)
        {
            return;
        }

        var cards = await views.RoomsAsync(db, ofClasses, default);
        await Task.WhenAll(ofClasses.Select((room, i) =>
            hub.Clients.Group(ClassGroups.Instructor(room.Room.ClassId!.Value)).ClassRoomChanged(cards[i])));
        foreach (var ofClass in ofClasses.GroupBy(r => r.Room.ClassId!.Value))
        {
            await StudentsChanged(ofClass.Key, [.. ofClass.SelectMany(r => r.Seats).Select(p => p.PrincipalId).OfType<Guid>()]);
        }
    }

    /// <summary>The same for a presence change, read from the database.</summary>
    public async Task PresenceChanged(Guid? classId, Guid roomId)
    {
        if (classId is { } id)
        {
            var card = await views.RoomAsync(db, roomId, default);
            await hub.Clients.Group(ClassGroups.Instructor(id)).ClassRoomChanged(card);
            var principals = await db.Participants.Where(p => p.RoomId == roomId && p.PrincipalId != null)
                .Select(p => p.PrincipalId!.Value).ToListAsync();
            await StudentsChanged(id, principals);
        }
    }

    /// <summary>Students who went offline change their class's lobby.</summary>
    public async Task PeopleWentOffline(IReadOnlyCollection<Guid> ids)
    {
        foreach (var classId in await db.ClassStudents.Where(s => ids.Contains(s.Id)).Select(s => s.ClassId).Distinct().ToListAsync())
        {
            await ClassChanged(classId);
        }
    }

    /// <summary>
    /// The instructor gets the whole class; everyone (students in the lobby too) gets the whole student list, so
    /// a lobby sees classmates arrive and leave as they do.
    /// </summary>
    public async Task ClassChanged(Guid classId)
    {
        var state = await views.StateAsync(db, new ClassCaller(classId, null, ""), default);
        await hub.Clients.Group(ClassGroups.Instructor(classId)).ClassChanged(state);
        await hub.Clients.Group(ClassGroups.Everyone(classId)).StudentsChanged(new StudentsChangedEvent(classId, state.Students, All: true));
    }

    /// <summary>
    /// A room's step or presence change can change its students' presence, seat and counts: the dashboard's
    /// student list and the lobby follow it without a whole class state (one query set for all the rooms).
    /// </summary>
    private async Task StudentsChanged(Guid classId, IReadOnlyCollection<Guid> principalIds)
    {
        if (principalIds.Count == 0)
        {
            return;
        }

        var students = await views.StudentsAsync(db, classId, [.. principalIds.Distinct()], default);
        if (students.Count > 0)
        {
            await hub.Clients.Group(ClassGroups.Everyone(classId)).StudentsChanged(new StudentsChangedEvent(classId, students, All: false));
        }
    }

    public Task Assigned(Guid principalId, AssignedEvent assigned) =>
        hub.Clients.Group(ClassGroups.Person(principalId)).Assigned(assigned);

    public Task ClassEnded(ClassEndedEvent ended) => hub.Clients.Group(ClassGroups.Everyone(ended.ClassId)).ClassEnded(ended);
}
