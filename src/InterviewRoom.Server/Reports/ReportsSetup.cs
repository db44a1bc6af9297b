namespace InterviewRoom.Server.Reports;

internal static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddScoped<ReportBuilder>();
}
