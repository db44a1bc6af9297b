using System.Data.Common;
using InterviewRoom.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewRoom.Server.Infrastructure;

internal enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

internal static class Database
{
    public const string ConnectionStringName = "InterviewRoom";

    /// <summary>
    /// EF Core on the provider named by <c>Database:Provider</c> (Sqlite by default, SqlServer in production),
    /// each with its own migrations assembly. Configuration is read when the context is built, so test hosts
    /// and <c>dotnet ef</c> arguments take effect.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddDbContext<InterviewRoomDb>((sp, options) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            switch (ProviderOf(configuration))
            {
                case DatabaseProvider.SqlServer:
                    var sqlServer = configuration.GetConnectionString(ConnectionStringName)
                        ?? throw new InvalidOperationException(
                            $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set.");
                    options.UseSqlServer(sqlServer, sql => sql
                        .MigrationsAssembly("InterviewRoom.Data.SqlServer")
                        .EnableRetryOnFailure());
                    break;
                default:
                    options.UseSqlite(SqliteConnectionString(configuration, environment), sqlite => sqlite
                        .MigrationsAssembly("InterviewRoom.Data.Sqlite"));
                    options.AddInterceptors(SqlitePragmas.Instance);
                    break;
            }
        });
        return services;
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{name}'.");
    }

    /// <summary>The configured connection string, or a file under the app's data folder.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? $"Data Source={Path.Combine(environment.ContentRootPath, "data", "interviewroom.db")}";
}

/// <summary>
/// Per-connection SQLite settings: wait for a busy database instead of failing at once, enforce foreign
/// keys, and with WAL (set once at start-up) a crash-safe yet cheap fsync level.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
