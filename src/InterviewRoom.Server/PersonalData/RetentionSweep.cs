using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.PersonalData;

/// <summary>
/// One pass of retention: every room that ended more than <see cref="RetentionOptions.EndedRoomDays"/> ago and still
/// holds an answer, a score, a name or a title is erased, one room per transaction; then the names of the students
/// of classes that ended as long ago. A room already erased no longer matches, so passes on several instances at
/// once, or one cut short, leave the same result as one pass.
/// </summary>
internal sealed partial class RetentionSweep(InterviewRoomDb db, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionSweep> logger)
{
    private const int RoomsPerQuery = 100;

    /// <summary>Erases what is due and returns how many rooms were erased (0 when retention is off).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EndedRoomDays == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.EndedRoomDays);
        var erased = 0;
        List<Guid> due;
        do
        {
            due = await DueRooms(cutoff).Take(RoomsPerQuery).ToListAsync(cancellationToken);
            foreach (var roomId in due)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await Erasure.EndedRoomAsync(db, roomId, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                erased++;
            }
        }
        while (due.Count == RoomsPerQuery);

        var students = await db.ClassStudents
            .Where(s => s.Class!.EndedAt != null && s.Class.EndedAt < cutoff && s.Name != Erased.StudentName)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, Erased.StudentName), cancellationToken);
        if (erased > 0 || students > 0)
        {
            LogErased(erased, students, options.Value.EndedRoomDays);
        }

        return erased;
    }

    private IQueryable<Guid> DueRooms(DateTime cutoff) => db.Rooms
        .Where(r => r.EndedAt != null && r.EndedAt < cutoff)
        .Where(r => r.Title != null
            || r.Turns.Any(t => t.AnswerText != null || t.Scores.Any())
            || r.Participants.Any(p => p.Name != Erased.CandidateName && p.Name != Erased.InterviewerName && p.Name != Erased.ObserverName))
        .OrderBy(r => r.EndedAt)
        .Select(r => r.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Rooms} rooms and {Students} class students that ended over {Days} days ago erased")]
    private partial void LogErased(int rooms, int students, int days);
}
