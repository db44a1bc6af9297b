using System.Net;
using InterviewRoom.Client;
using InterviewRoom.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// The real server on Kestrel (loopback, a free port) over a real SQLite file with the real migrations and the
/// real seed. Two factories given the same <see cref="DatabasePath"/> are the same deployment restarted.
/// </summary>
public sealed class InterviewRoomFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsDatabase;
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    public InterviewRoomFactory()
        : this(null)
    {
    }

    internal InterviewRoomFactory(string? databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? NewDatabasePath();
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    public LogCapture Logs { get; } = new();

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "interviewroom-tests", $"{Guid.NewGuid():N}.db");

    public InterviewRoomApi Api() => new(new HttpClient { BaseAddress = BaseAddress });

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    /// <summary>A hub client over WebSockets (the default), or the transport given.</summary>
    public InterviewHubClient Hub(string token, HttpTransportType? transport = null, Action<HttpConnectionOptions>? configure = null) =>
        Hubs.Interview(BaseAddress, token, transport, configure);

    /// <summary>Runs <paramref name="work"/> against the app's own database.</summary>
    public async Task<T> WithDbAsync<T>(Func<InterviewRoomDb, Task<T>> work)
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InterviewRoomDb>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:InterviewRoom", $"Data Source={DatabasePath}");
        builder.UseSetting("Rooms:JoinAttemptsPerMinute", "1000");
        builder.UseSetting("Rooms:JoinAttemptsPerCodePerMinute", "1000");
        builder.UseSetting("Rooms:CreatesPerMinute", "100000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        if (services is { } replace)
        {
            builder.ConfigureTestServices(replace); // after the app's own registrations
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
