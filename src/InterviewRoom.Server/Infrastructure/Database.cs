using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
        // Pooled: a hub call or request takes a ready context instead of building one (and its options) each time.
        services.AddDbContextPool<InterviewRoomDb>((sp, options) =>
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

                    // SQLite cannot alter a column in place, so EF rebuilds the table between "PRAGMA foreign_keys =
                    // 0" and "= 1", which SQLite ignores inside a transaction: EF runs them outside it and warns that a
                    // failure part-way "would need to be reverted manually". That holds for every SQLite table rebuild
                    // and says nothing about this database; it printed on every first start and alarmed newcomers
                    // (issue 12). Back up before an upgrade (docs/deploy.md, "Backups") and restore if one fails.
                    options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                    break;
            }

            // Parameter values (answers, notes, names) stay out of EF Core's logs at every level (rule 12). It is the
            // default; said here so nobody turns it on for a debugging session and ships it. Not configurable.
            options.EnableSensitiveDataLogging(false);
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
/// keys, and with WAL (set once at start-up) a crash-safe yet cheap fsync level. Set once per physical
/// connection: a pooled connection keeps them, so reopening it from the pool costs no statement.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this physical SQLite connection (its native handle) is opened.</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
