using InterviewRoom.Contracts.Reports;
using InterviewRoom.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewRoom.Server.Reports;

internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/rooms/{roomId:guid}/report", GetAsync)
            .RequireAuthorization()
            .WithName("GetReport");
        return routes;
    }

    /// <summary>JSON by default; CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    private static async Task<Results<Ok<RoomReport>, FileContentHttpResult>> GetAsync(
        Guid roomId, string? format, HttpContext http, ReportBuilder reports, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(Caller.From(http.User), roomId, cancellationToken);
        var wantsCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (format is not null && !wantsCsv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw RoomRuleException.Invalid("format must be json or csv.");
        }

        return wantsCsv
            ? TypedResults.File(
                System.Text.Encoding.UTF8.GetBytes(ReportCsv.Write(report)),
                "text/csv; charset=utf-8",
                $"interview-{report.RoomCode}.csv")
            : TypedResults.Ok(report);
    }
}
