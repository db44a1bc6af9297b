using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Rooms;

internal static partial class RoomsApi
{
    public static IServiceCollection AddRooms(this IServiceCollection services)
    {
        services.AddScoped<RoomFactory>();
        services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddThrottles(services =>
        {
            var rooms = services.GetRequiredService<IOptions<RoomOptions>>().Value;
            return new ThrottleLimits(rooms.JoinAttemptsPerMinute, rooms.JoinAttemptsPerCodePerMinute, rooms.CreatesPerMinute);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRooms(this IEndpointRouteBuilder routes)
    {
        var rooms = routes.MapGroup("/api/rooms");
        rooms.MapPost("/", CreateAsync).WithName("CreateRoom").Throttled(Throttle.Create);
        rooms.MapPost("/{roomCode}/join", JoinAsync).WithName("JoinRoom").Throttled(Throttle.Join, "roomCode");
        return routes;
    }

    private static async Task<Created<CreateRoomResponse>> CreateAsync(
        CreateRoomRequest? request, InterviewRoomDb db, RoomFactory rooms, IOptions<RoomOptions> options,
        HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var name = Input.OptionalText(request?.InterviewerName, "interviewerName", Input.MaxNameLength) ?? "Interviewer";
        var title = Input.OptionalText(request?.Title, "title", Input.MaxTitleLength);
        var room = await rooms.AddRoomAsync(title, classId: null, cancellationToken);
        var (_, token) = rooms.AddSeat(room, ParticipantRole.Interviewer, name);
        await db.SaveChangesAsync(cancellationToken);

        LogRoomCreated(loggers.CreateLogger(nameof(RoomsApi)), room.Id);
        var joinUrl = $"{Links.BaseUrl(http, options.Value.PublicBaseUrl)}/join/{room.Code}";
        return TypedResults.Created((string?)null, new CreateRoomResponse(
            room.Id, room.Code, token!, joinUrl, room.ObserverKey!, Links.ObserverJoinUrl(joinUrl, room.ObserverKey!)));
    }

    private static async Task<Ok<JoinRoomResponse>> JoinAsync(
        string roomCode, JoinRoomRequest? request, InterviewRoomDb db, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw RoomRuleException.Invalid("A JSON body { \"name\": \"…\", \"role\": \"candidate\" | \"observer\" } is required.");
        }

        var name = Input.OptionalText(request.Name, "name", Input.MaxNameLength)
            ?? throw RoomRuleException.Invalid("name is required.");
        var role = request.Role?.Trim().ToLowerInvariant() switch
        {
            "candidate" => ParticipantRole.Candidate,
            "observer" => ParticipantRole.Observer,
            _ => throw RoomRuleException.Invalid("role must be \"candidate\" or \"observer\"."),
        };

        var now = time.GetUtcNow().UtcDateTime;
        var code = Tokens.NormalizeJoinCode(roomCode);
        var room = code.Length > Tokens.MaxJoinCodeInput ? null : await db.Rooms.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);

        // One answer for every seat the code does not open: unknown, expired or ended, a class room (its seats come
        // from the instructor), an observer without the room's observer key, a candidate seat already taken. A
        // guesser learns nothing, not even that the code exists.
        if (room is null || room.EndedAt is not null || room.CodeExpiresAt <= now || room.ClassId is not null
            || (role == ParticipantRole.Observer && !Tokens.SameSecret(room.ObserverKey, request.ObserverKey)))
        {
            throw NoSeat();
        }

        if (role == ParticipantRole.Candidate
            && await db.Participants.AnyAsync(p => p.RoomId == room.Id && p.Role == ParticipantRole.Candidate && p.RemovedAt == null, cancellationToken))
        {
            throw NoSeat();
        }

        var token = Tokens.NewSecret();
        var participant = new Participant
        {
            Id = Guid.CreateVersion7(),
            RoomId = room.Id,
            Role = role,
            Name = name,
            TokenHash = Tokens.Hash(token),
            JoinedAt = now,
        };
        db.Participants.Add(participant);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (role == ParticipantRole.Candidate)
            {
                // Lost a race for the seat: the unique index said no.
                throw NoSeat();
            }

            // With the seat: every instance's copy of the room is stale now (an atomic increment, never a lost update).
            await RoomVersions.BumpAsync(db, room.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogJoined(loggers.CreateLogger(nameof(RoomsApi)), room.Id, participant.Id, role);
        return TypedResults.Ok(new JoinRoomResponse(room.Id, participant.Id, role, token));
    }

    /// <summary>The one refusal of a join that is well formed; the pages add what a person can do about it.</summary>
    private static RoomRuleException NoSeat() =>
        RoomRuleException.NotFound("This code does not open a seat: the room may be full or ended, or the code or link may be mistyped.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} created")]
    private static partial void LogRoomCreated(ILogger logger, Guid roomId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {ParticipantId} joined room {RoomId} as {Role}")]
    private static partial void LogJoined(ILogger logger, Guid roomId, Guid participantId, ParticipantRole role);
}
