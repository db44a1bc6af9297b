using InterviewRoom.Contracts;
using InterviewRoom.Contracts.Matchmaking;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Matchmaking;

/// <summary>Joining and leaving the queue. A ticket is stored before anything else happens, then the matcher is woken.</summary>
internal sealed partial class QueueService(
    InterviewRoomDb db, TimeProvider time, BankFacets facets, QueueSignal signal, IOptions<MatchmakingOptions> options,
    ILogger<QueueService> logger)
{
    public const int MaxChoices = 12;
    public const int MaxLevelLength = 32;

    public async Task<QueueTicketView> JoinAsync(string connectionId, QueueRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw RoomRuleException.Invalid("A request { name, topics, kinds, preferredRole, level } is required.");
        }

        var existing = await db.QueueTickets.AsNoTracking()
            .SingleOrDefaultAsync(t => t.ConnectionId == connectionId && t.Status == QueueTicketStatus.Waiting, cancellationToken);
        if (existing is not null)
        {
            return await ViewOfAsync(existing, cancellationToken); // a repeated join keeps the place in the queue
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Input.MaxNameLength)
        {
            throw RoomRuleException.Invalid($"name is required (1 to {Input.MaxNameLength} characters).");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var ticket = new QueueTicket
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Topics = await TopicsAsync(request.Topics, cancellationToken),
            Kinds = Kinds(request),
            PreferredRole = request.PreferredRole ?? QueueRole.Either,
            Level = Level(request.Level),
            ConnectionId = connectionId,
            JoinedAt = now,
            ExpiresAt = now + options.Value.MaxWait,
        };
        db.QueueTickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        LogJoined(ticket.Id, ticket.PreferredRole);
        return await ViewOfAsync(ticket, cancellationToken);
    }

    /// <returns>True when the connection had a waiting ticket, now withdrawn.</returns>
    public async Task<bool> LeaveAsync(string connectionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var left = await db.QueueTickets.Where(t => t.ConnectionId == connectionId && t.Status == QueueTicketStatus.Waiting)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, QueueTicketStatus.Left).SetProperty(t => t.ClosedAt, now), cancellationToken);
        return left > 0;
    }

    private async Task<QueueTicketView> ViewOfAsync(QueueTicket ticket, CancellationToken cancellationToken) =>
        new(ticket.Id, TimeOf(ticket.JoinedAt), TimeOf(ticket.ExpiresAt),
            await db.QueueTickets.CountAsync(t => t.Status == QueueTicketStatus.Waiting, cancellationToken));

    private static DateTimeOffset TimeOf(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private async Task<List<string>> TopicsAsync(IReadOnlyList<string>? requested, CancellationToken cancellationToken)
    {
        var topics = Distinct(requested, "topics");
        if (topics.Count == 0)
        {
            return topics;
        }

        var known = (await facets.GetAsync(cancellationToken)).Topics.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = topics.Where(t => !known.Contains(t)).ToList();
        return unknown.Count == 0
            ? topics
            : throw RoomRuleException.Invalid(
                $"Unknown topic(s): {string.Join(", ", unknown)}. GET /api/questions/facets lists the bank's topics.");
    }

    private static List<string> Kinds(QueueRequest request) =>
        Distinct(request.Kinds?.Select(kind => WireJson.Name(kind)).ToList(), "kinds");

    private static List<string> Distinct(IReadOnlyList<string>? values, string field)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count <= MaxChoices && list.All(v => v.Length <= 64)
            ? list
            : throw RoomRuleException.Invalid($"{field} may list at most {MaxChoices} values of up to 64 characters.");
    }

    private static string? Level(string? level)
    {
        var trimmed = level?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= MaxLevelLength
            ? trimmed.ToLowerInvariant()
            : throw RoomRuleException.Invalid($"level is longer than {MaxLevelLength} characters.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue ticket {TicketId} waiting as {PreferredRole}")]
    private partial void LogJoined(Guid ticketId, QueueRole preferredRole);
}

/// <summary>Wakes the matchmaking worker when someone joins the queue.</summary>
internal sealed class QueueSignal : WakeSignal;
