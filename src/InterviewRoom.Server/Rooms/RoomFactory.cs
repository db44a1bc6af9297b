using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Rooms;

/// <summary>New rooms and seats, the same way for an invite, a queue pair and a class.</summary>
internal sealed class RoomFactory(InterviewRoomDb db, TimeProvider time, IOptions<RoomOptions> options)
{
    /// <summary>A room with a fresh join code, added to the context (the caller saves).</summary>
    public async Task<Room> AddRoomAsync(string? title, Guid? classId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var room = new Room
        {
            Id = Guid.CreateVersion7(),
            Code = await Tokens.FreeJoinCodeAsync(async code =>
                db.Rooms.Local.Any(r => r.Code == code) || await db.Rooms.AnyAsync(r => r.Code == code, cancellationToken)),
            // A class room's seats come from the instructor only: no link admits observers there.
            ObserverKey = classId is null ? Tokens.NewSecret() : null,
            Title = title,
            CreatedAt = now,
            CodeExpiresAt = now + options.Value.JoinCodeLifetime,
            ClassId = classId,
        };
        db.Rooms.Add(room);
        return room;
    }

    /// <summary>
    /// A seat in <paramref name="room"/>. With a <paramref name="principalId"/> (a class student or instructor) the
    /// seat has no token of its own: the person's class token opens it. Otherwise the returned token is its secret.
    /// </summary>
    public (Participant Seat, string? Token) AddSeat(Room room, ParticipantRole role, string name, Guid? principalId = null)
    {
        var token = principalId is null ? Tokens.NewSecret() : null;
        var seat = new Participant
        {
            Id = Guid.CreateVersion7(),
            RoomId = room.Id,
            Role = role,
            Name = name,
            TokenHash = token is null ? null : Tokens.Hash(token),
            PrincipalId = principalId,
            JoinedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Participants.Add(seat);
        return (seat, token); // a seat in a room that existed before: the caller bumps its version (RoomVersions) in the same transaction
    }
}
