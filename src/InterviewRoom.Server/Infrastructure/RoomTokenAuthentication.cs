using System.Security.Claims;
using System.Text.Encodings.Web;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>
/// Bearer tokens handed out by POST /api/rooms and /join. A token is looked up by its hash; the claims say
/// which room and role it belongs to. Browsers cannot set headers on a WebSocket, so on the hub path the
/// token may also come as the <c>access_token</c> query parameter (and is redacted from logs).
/// </summary>
/// <remarks>
/// The lookup takes a database context of its own and gives it back at once. A hub connection is one HTTP request
/// that lasts as long as the connection, so a context taken from the request's services would stay rented (the
/// pool's 1,024 then new ones, each holding its change tracker and connection) for as long as the person is online.
/// </remarks>
internal sealed class RoomTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "RoomToken";
    public const string RoomIdClaim = "room";
    public const string ClassIdClaim = "class";
    public const string StudentIdClaim = "student";
    public const string InstructorClaim = "instructor";
    public const string PersonNameClaim = "person";
    public const string InterviewerPolicy = "Interviewer";
    public const string ClassPolicy = "ClassMember";
    public const string SeatPolicy = "Seat";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        List<Claim>? claims;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claims = await ClaimsOfAsync(scope.ServiceProvider.GetRequiredService<InterviewRoomDb>(), Tokens.Hash(token), Context.RequestAborted);
        }

        return claims is null
            ? AuthenticateResult.Fail("Unknown token.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)), Scheme));
    }

    // Compiled once: every connect runs the seat lookup, and LINQ's per-execution work (walking the expression,
    // extracting its parameters, finding the cached plan) cost more than the indexed lookup itself.
    private static readonly Func<InterviewRoomDb, string, CancellationToken, Task<Seat?>> SeatByToken =
        EF.CompileAsyncQuery((InterviewRoomDb db, string hash, CancellationToken _) => db.Participants.AsNoTracking()
            .Where(p => p.TokenHash == hash && p.RemovedAt == null)
            .Select(p => new Seat(p.Id, p.RoomId, p.Role, p.Name))
            .SingleOrDefault());

    private static readonly Func<InterviewRoomDb, string, CancellationToken, Task<Principal?>> InstructorByToken =
        EF.CompileAsyncQuery((InterviewRoomDb db, string hash, CancellationToken _) => db.Classes.AsNoTracking()
            .Where(c => c.InstructorTokenHash == hash)
            .Select(c => new Principal(c.Id, c.Id, c.InstructorName))
            .SingleOrDefault());

    private static readonly Func<InterviewRoomDb, string, CancellationToken, Task<Principal?>> StudentByToken =
        EF.CompileAsyncQuery((InterviewRoomDb db, string hash, CancellationToken _) => db.ClassStudents.AsNoTracking()
            .Where(s => s.TokenHash == hash)
            .Select(s => new Principal(s.Id, s.ClassId, s.Name))
            .SingleOrDefault());

    private static readonly Func<InterviewRoomDb, Guid, CancellationToken, Task<Seat?>> CurrentSeatOf =
        EF.CompileAsyncQuery((InterviewRoomDb db, Guid principalId, CancellationToken _) => db.Participants.AsNoTracking()
            .Where(p => p.PrincipalId == principalId && p.RemovedAt == null)
            .OrderByDescending(p => p.JoinedAt)
            .Select(p => new Seat(p.Id, p.RoomId, p.Role, p.Name))
            .FirstOrDefault());

    /// <summary>
    /// A room seat's own token, a class instructor's or a class student's. Class tokens also carry the person's
    /// current seat (if any), so the same token opens whichever room the instructor put them in.
    /// </summary>
    private static async Task<List<Claim>?> ClaimsOfAsync(InterviewRoomDb db, string hash, CancellationToken cancellationToken)
    {
        if (await SeatByToken(db, hash, cancellationToken) is { } seat)
        {
            return SeatClaims(seat);
        }

        if (await InstructorByToken(db, hash, cancellationToken) is { } instructor)
        {
            return [.. await CurrentSeatClaimsAsync(db, instructor.Id, cancellationToken),
                new Claim(ClassIdClaim, instructor.ClassId.ToString()), new Claim(InstructorClaim, "true"),
                ..PersonName(instructor.Name)];
        }

        if (await StudentByToken(db, hash, cancellationToken) is { } student)
        {
            return [.. await CurrentSeatClaimsAsync(db, student.Id, cancellationToken),
                new Claim(ClassIdClaim, student.ClassId.ToString()), new Claim(StudentIdClaim, student.Id.ToString()),
                ..PersonName(student.Name)];
        }

        return null;

        // The person's own name, whether or not they have a seat (the seat claims carry the seat's name).
        static Claim[] PersonName(string name) => [new Claim(PersonNameClaim, name)];
    }

    private static async Task<List<Claim>> CurrentSeatClaimsAsync(InterviewRoomDb db, Guid principalId, CancellationToken cancellationToken) =>
        await CurrentSeatOf(db, principalId, cancellationToken) is { } seat ? SeatClaims(seat) : [];

    private static List<Claim> SeatClaims(Seat seat) =>
    [
        new Claim(ClaimTypes.NameIdentifier, seat.ParticipantId.ToString()),
        new Claim(ClaimTypes.Name, seat.Name),
        new Claim(ClaimTypes.Role, seat.Role.ToString()),
        new Claim(RoomIdClaim, seat.RoomId.ToString()),
    ];

    private sealed record Seat(Guid ParticipantId, Guid RoomId, ParticipantRole Role, string Name);

    /// <summary>A class instructor (whose id is the class's) or a class student.</summary>
    private sealed record Principal(Guid Id, Guid ClassId, string Name);

    /// <summary>Every hub lives under this path; only there may a token come in the query string.</summary>
    public const string HubPaths = "/hubs";

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubPaths) ? request.Query["access_token"].ToString() : null;
    }
}

/// <summary>
/// Who is calling, from a validated token: the seat and its room. Deliberately no role: roles change (a swap)
/// while a connection stays open, so every rule reads the seat's role from the database (ADR 0008).
/// </summary>
internal sealed record Caller(Guid ParticipantId, Guid RoomId)
{
    public static Caller From(ClaimsPrincipal user) => TryFrom(user)
        ?? throw RoomRuleException.Forbidden("A room token is required.");

    public static Caller? TryFrom(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var participantId)
        && Guid.TryParse(user.FindFirstValue(RoomTokenAuthentication.RoomIdClaim), out var roomId)
            ? new Caller(participantId, roomId)
            : null;
}

internal static class RoomTokenAuthenticationExtensions
{
    public static IServiceCollection AddRoomTokens(this IServiceCollection services)
    {
        services.AddAuthentication(RoomTokenAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, RoomTokenAuthentication>(RoomTokenAuthentication.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(RoomTokenAuthentication.InterviewerPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.IsInRole(nameof(ParticipantRole.Interviewer))
                    || context.User.HasClaim(RoomTokenAuthentication.InstructorClaim, "true")))
            .AddPolicy(RoomTokenAuthentication.SeatPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ClaimTypes.NameIdentifier)
                .RequireClaim(RoomTokenAuthentication.RoomIdClaim))
            .AddPolicy(RoomTokenAuthentication.ClassPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(RoomTokenAuthentication.ClassIdClaim));
        return services;
    }
}
