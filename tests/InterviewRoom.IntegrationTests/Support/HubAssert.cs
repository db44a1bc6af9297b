using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.IntegrationTests.Support;

public static class HubAssert
{
    /// <summary>The call fails with a HubException whose message carries <paramref name="expected"/>.</summary>
    public static async Task RefusedAsync(Func<Task> call, string expected)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        Assert.Contains(expected, error.Message);
    }
}
