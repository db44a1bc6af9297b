using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>The one place HTTP errors become RFC 9457 problem details.</summary>
internal sealed class ProblemDetailsHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, code) = exception switch
        {
            RoomRuleException rule => (StatusOf(rule.Violation), TitleOf(rule.Violation), rule.Message, rule.Code),
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", "The request body could not be read as the expected JSON.", ErrorCodes.UnreadableBody),
            _ => (StatusCodes.Status500InternalServerError, "Server error", "Something went wrong on our side; nothing was changed by this request.", ErrorCodes.ServerError),
        };

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    public static int StatusOf(RuleViolation violation) => violation switch
    {
        RuleViolation.Invalid => StatusCodes.Status400BadRequest,
        RuleViolation.Forbidden => StatusCodes.Status403Forbidden,
        RuleViolation.NotFound => StatusCodes.Status404NotFound,
        RuleViolation.Conflict => StatusCodes.Status409Conflict,
        RuleViolation.TooMany => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(RuleViolation violation) => violation switch
    {
        RuleViolation.Invalid => "Invalid request",
        RuleViolation.Forbidden => "Not allowed for your role",
        RuleViolation.NotFound => "Not found",
        RuleViolation.Conflict => "Not possible now",
        RuleViolation.TooMany => "Too many attempts",
        _ => "Invalid request",
    };
}
