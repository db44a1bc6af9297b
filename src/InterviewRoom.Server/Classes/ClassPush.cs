using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// The instructor asks one question in every open room of the class at once. Each room's ask goes through the
/// same rules as an interviewer's own (<see cref="InterviewService.AskAsync"/>): a room with a question still
/// open, or whose candidate was already asked this question, is skipped and the answer says why.
/// </summary>
internal sealed partial class ClassPush(
    InterviewRoomDb db, IServiceScopeFactory scopes, ClassService classes, ILogger<ClassPush> logger)
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
            .Select(r => new
            {
                r.Id,
                Interviewer = r.Participants.Where(p => p.Role == ParticipantRole.Interviewer && p.RemovedAt == null).Select(p => (Guid?)p.Id).FirstOrDefault(),
                HasCandidate = r.Participants.Any(p => p.Role == ParticipantRole.Candidate && p.RemovedAt == null),
            })
            .ToListAsync(cancellationToken);
        if (rooms.Count == 0)
        {
            throw RoomRuleException.Conflict("The class has no open room yet: pair the students or start a panel first.");
        }

        var asked = new List<Guid>();
        var skipped = new List<PushSkip>();
        foreach (var room in rooms)
        {
            if (room.Interviewer is not { } interviewer || !room.HasCandidate)
            {
                skipped.Add(new PushSkip(room.Id, "The room has no interviewer and candidate pair."));
                continue;
            }

            try
            {
                // One scope per room: a refused ask leaves nothing behind in the next room's unit of work.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<InterviewService>()
                    .AskAsync(new Caller(interviewer, room.Id), questionId, seconds, cancellationToken);
                asked.Add(room.Id);
            }
            catch (RoomRuleException refused)
            {
                skipped.Add(new PushSkip(room.Id, refused.Message));
            }
        }

        LogPushed(session.Id, questionId, asked.Count, skipped.Count);
        return new PushResult(questionId, asked, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Class {ClassId}: question {QuestionId} pushed to {Asked} rooms, {Skipped} skipped")]
    private partial void LogPushed(Guid classId, int questionId, int asked, int skipped);
}
