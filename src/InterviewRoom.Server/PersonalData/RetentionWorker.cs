using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.PersonalData;

/// <summary>Runs <see cref="RetentionSweep"/> at start and every <see cref="RetentionOptions.SweepInterval"/> on the app's clock.</summary>
internal sealed partial class RetentionWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
