using InterviewRoom.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Rooms;

/// <summary>
/// For writers outside the interview's room store (joins, class moves): the room changed, so every instance's
/// in-memory copy of it is stale (ADR 0015). Call it in the same transaction as the change; it is an atomic
/// increment, so two writers at once never leave the version where one of them found it.
/// </summary>
internal static class RoomVersions
{
    public static Task BumpAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken) =>
        db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
}
