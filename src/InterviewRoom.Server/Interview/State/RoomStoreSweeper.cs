namespace InterviewRoom.Server.Interview.State;

/// <summary>Once a minute, drops rooms nobody has entered for a while, so memory follows the rooms in use.</summary>
internal sealed class RoomStoreSweeper(RoomStore rooms, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            rooms.Sweep();
        }
    }
}
