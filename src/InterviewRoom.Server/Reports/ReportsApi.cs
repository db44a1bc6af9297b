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
        var wantsCsv = WantsCsv(format, http);
        var report = await reports.BuildAsync(Caller.From(http.User), roomId, cancellationToken);
        return wantsCsv
            ? TypedResults.File(
                System.Text.Encoding.UTF8.GetBytes(ReportCsv.Write(report)),
                "text/csv; charset=utf-8",
                $"interview-{report.RoomCode}.csv")
            : TypedResults.Ok(report);
    }

    /// <summary><c>?format=csv</c> or <c>Accept: text/csv</c> asks for CSV; <c>?format=json</c> or nothing for JSON.</summary>
    public static bool WantsCsv(string? format, HttpContext http)
    {
        var wantsCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        return wantsCsv || format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? wantsCsv
            : throw RoomRuleException.Invalid("format must be json or csv.");
    }
}
