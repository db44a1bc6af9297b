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
internal sealed class RoomTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, InterviewRoomDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "RoomToken";
    public const string RoomIdClaim = "room";
    public const string InterviewerPolicy = "Interviewer";

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

        var hash = Tokens.Hash(token);
        var participant = await db.Participants.AsNoTracking()
            .Where(p => p.TokenHash == hash)
            .Select(p => new { p.Id, p.RoomId, p.Role, p.Name })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (participant is null)
        {
            return AuthenticateResult.Fail("Unknown token.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, participant.Id.ToString()),
                new Claim(ClaimTypes.Name, participant.Name),
                new Claim(ClaimTypes.Role, participant.Role.ToString()),
                new Claim(RoomIdClaim, participant.RoomId.ToString()),
            ],
            Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubNames.Path) ? request.Query["access_token"].ToString() : null;
    }
}

/// <summary>Who is calling, from a validated room token.</summary>
internal sealed record Caller(Guid ParticipantId, Guid RoomId, ParticipantRole Role)
{
    public static Caller From(ClaimsPrincipal user) => TryFrom(user)
        ?? throw RoomRuleException.Forbidden("A room token is required.");

    public static Caller? TryFrom(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var participantId)
        && Guid.TryParse(user.FindFirstValue(RoomTokenAuthentication.RoomIdClaim), out var roomId)
        && Enum.TryParse<ParticipantRole>(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new Caller(participantId, roomId, role)
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
                .RequireRole(nameof(ParticipantRole.Interviewer)));
        return services;
    }
}
