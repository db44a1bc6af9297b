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
        var wantsCsv = Csv.IsRequested(format, http);
        var report = await reports.BuildAsync(Caller.From(http.User), roomId, cancellationToken);
        return wantsCsv
            ? Csv.File(ReportCsv.Write(report), $"interview-{report.RoomCode}.csv")
            : TypedResults.Ok(report);
    }
}
