using InterviewRoom.Contracts.Classes;
using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// The instructor asks one question in every open room of the class at once, in one pass
/// (<see cref="InterviewService.AskInRoomsAsync"/>): each room's ask goes through the same rules as an
/// interviewer's own; a room with a question still open, without a pair, or whose candidate was already asked this
/// question, is skipped and the answer says why. The rooms that take it commit together and hear of it at once.
/// </summary>
internal sealed partial class ClassPush(
    InterviewRoomDb db, InterviewService interview, ClassService classes, ILogger<ClassPush> logger)
{
    public async Task<PushResult> PushAsync(ClassCaller caller, int questionId, int? timeLimitSeconds, CancellationToken cancellationToken)
    {
        caller.EnsureInstructor("push a question");
        var session = await classes.OpenClassAsync(caller, cancellationToken);
        var defaultSeconds = await db.Questions.Where(q => q.Id == questionId).Select(q => (int?)q.DefaultTimeLimitSeconds).SingleOrDefaultAsync(cancellationToken)
            ?? throw RoomRuleException.NotFound($"There is no question with id {questionId}.");
        var seconds = TurnClock.CheckTimeLimit(
            timeLimitSeconds ?? session.Questions.FirstOrDefault(q => q.QuestionId == questionId)?.TimeLimitSeconds ?? defaultSeconds);

        var rooms = await db.Rooms.AsNoTracking()
            .Where(r => r.ClassId == session.Id && r.EndedAt == null)
            .OrderBy(r => r.CreatedAt)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (rooms.Count == 0)
        {
            throw RoomRuleException.Conflict("The class has no open room yet: pair the students or start a panel first.");
        }

        var outcomes = await interview.AskInRoomsAsync(rooms, questionId, seconds, cancellationToken);
        var asked = outcomes.Where(o => o.TurnId is not null).Select(o => o.RoomId).ToList();
        var skipped = outcomes.Where(o => o.TurnId is null).Select(o => new PushSkip(o.RoomId, o.Skipped!)).ToList();

        LogPushed(session.Id, questionId, asked.Count, skipped.Count);
        return new PushResult(questionId, asked, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Class {ClassId}: question {QuestionId} pushed to {Asked} rooms, {Skipped} skipped")]
    private partial void LogPushed(Guid classId, int questionId, int asked, int skipped);
}
