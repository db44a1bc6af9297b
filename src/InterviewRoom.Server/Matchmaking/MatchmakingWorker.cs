using InterviewRoom.Contracts.Matchmaking;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Matchmaking;

/// <summary>
/// Pairs the queue in passes: woken by every join, and every <see cref="MatchmakingOptions.SweepInterval"/>
/// anyway. A pass reads the waiting tickets, lets <see cref="Matcher"/> choose pairs, and for each pair claims
/// both tickets and creates their room in one transaction: the claim is a conditional update that must touch
/// both rows, so a ticket is paired at most once even with several passes (or instances) racing. The pass also
/// closes tickets that waited too long, telling their person.
/// </summary>
internal sealed partial class MatchmakingWorker(
    IServiceScopeFactory scopes, TimeProvider time, QueueSignal signal, IOptions<MatchmakingOptions> options,
    IHubContext<MatchmakingHub, IMatchmakingClient> hub, ILogger<MatchmakingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
            }

            try
            {
                await signal.WaitAsync(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <returns>How many pairs this pass made.</returns>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterviewRoomDb>();
        await ExpireAsync(db, cancellationToken);

        var waiting = await db.QueueTickets.AsNoTracking()
            .Where(t => t.Status == QueueTicketStatus.Waiting)
            .OrderBy(t => t.JoinedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var tickets = waiting.ToDictionary(t => t.Id);
        var made = 0;
        foreach (var pairing in Matcher.Pair([.. waiting.Select(SeekerOf)]))
        {
            await using var pairScope = scopes.CreateAsyncScope();
            var paired = await TryPairAsync(pairScope.ServiceProvider, tickets[pairing.Interviewer.Id], tickets[pairing.Candidate.Id], cancellationToken);
            made += paired ? 1 : 0;
        }

        return made;
    }

    private async Task<bool> TryPairAsync(IServiceProvider services, QueueTicket interviewer, QueueTicket candidate, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<InterviewRoomDb>();
        var rooms = services.GetRequiredService<RoomFactory>();
        var focus = Focus(interviewer, candidate);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var room = await rooms.AddRoomAsync(Title(focus.Topics), classId: null, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.QueueTickets
            .Where(t => (t.Id == interviewer.Id || t.Id == candidate.Id) && t.Status == QueueTicketStatus.Waiting)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, QueueTicketStatus.Paired)
                .SetProperty(t => t.ClosedAt, now)
                .SetProperty(t => t.RoomId, room.Id), cancellationToken);
        if (claimed != 2)
        {
            // One of them left, timed out or was paired elsewhere a moment ago: undo, the next pass tries again.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var (interviewerSeat, interviewerToken) = rooms.AddSeat(room, ParticipantRole.Interviewer, interviewer.Name);
        var (candidateSeat, candidateToken) = rooms.AddSeat(room, ParticipantRole.Candidate, candidate.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPaired(room.Id, interviewer.Id, candidate.Id);

        await Task.WhenAll(
            hub.Clients.Client(interviewer.ConnectionId).Paired(new PairedEvent(
                interviewer.Id, room.Id, room.Code, interviewerSeat.Id, ParticipantRole.Interviewer, interviewerToken!,
                candidate.Name, focus.Topics, focus.Kinds, Links.SeatPage(room, ParticipantRole.Interviewer))),
            hub.Clients.Client(candidate.ConnectionId).Paired(new PairedEvent(
                candidate.Id, room.Id, room.Code, candidateSeat.Id, ParticipantRole.Candidate, candidateToken!,
                interviewer.Name, focus.Topics, focus.Kinds, Links.SeatPage(room, ParticipantRole.Candidate))));
        return true;
    }

    private async Task ExpireAsync(InterviewRoomDb db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.QueueTickets.AsNoTracking()
            .Where(t => t.Status == QueueTicketStatus.Waiting && t.ExpiresAt <= now)
            .Select(t => new { t.Id, t.ConnectionId })
            .ToListAsync(cancellationToken);
        foreach (var ticket in due)
        {
            var closed = await db.QueueTickets.Where(t => t.Id == ticket.Id && t.Status == QueueTicketStatus.Waiting)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, QueueTicketStatus.Expired).SetProperty(t => t.ClosedAt, now), cancellationToken);
            if (closed == 1)
            {
                await hub.Clients.Client(ticket.ConnectionId).QueueClosed(new QueueClosedEvent(
                    ticket.Id, QueueClosedReason.TimedOut,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"Nobody compatible joined within {options.Value.MaxWait.TotalSeconds:0} seconds. Try wider topics or the \"either\" role, or try again later.")));
            }
        }
    }

    private static Seeker SeekerOf(QueueTicket t) => new(t.Id, t.Topics, t.Kinds, t.PreferredRole, t.Level);

    /// <summary>What the pair has in common: the overlap of their wishes, or one side's when the other said "any".</summary>
    private static (List<string> Topics, List<QuestionKind> Kinds) Focus(QueueTicket a, QueueTicket b)
    {
        var kinds = Common(a.Kinds, b.Kinds)
            .Select(k => Enum.Parse<QuestionKind>(k, ignoreCase: true))
            .ToList();
        return (Common(a.Topics, b.Topics), kinds);

        static List<string> Common(List<string> x, List<string> y) =>
            x.Count == 0 ? y : y.Count == 0 ? x : [.. x.Intersect(y, StringComparer.OrdinalIgnoreCase)];
    }

    private static string Title(List<string> topics)
    {
        var title = topics.Count == 0 ? "Practice interview" : $"Practice: {string.Join(", ", topics)}";
        return title.Length <= Input.MaxTitleLength ? title : $"{title[..(Input.MaxTitleLength - 1)]}…";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue: tickets {InterviewerTicketId} and {CandidateTicketId} paired in room {RoomId}")]
    private partial void LogPaired(Guid roomId, Guid interviewerTicketId, Guid candidateTicketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Matchmaking pass failed; retrying at the next sweep")]
    private partial void LogFailed(Exception exception);
}
