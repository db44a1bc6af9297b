using System.Diagnostics;
using System.Data.Common;
using InterviewRoom.Server.Interview.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewRoom.Tests;

/// <summary>
/// Counts what one test database was asked to do while it is alive: every SQL statement (EF Core's and the hot
/// path's own, <see cref="RoomSql"/>) and every committed transaction. Other tests' databases are ignored.
/// </summary>
internal sealed class DatabaseActivity : IObserver<DiagnosticListener>, IDisposable
{
    private readonly string database;
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<string> statements = [];
    private int commits;

    public DatabaseActivity(TestDatabase test)
    {
        database = test.ConnectionString;
        lock (subscriptions)
        {
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }
    }

    /// <summary>
    /// EF Core decides once, when it first logs an event, whether anyone listens to its diagnostics; a listener that
    /// subscribes later (a test after the database was migrated) would never see a statement. So one subscriber is
    /// there from the moment this assembly loads, keeping EF's events on for every instance made later.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void KeepEntityFrameworkDiagnosticsOn() =>
        DiagnosticListener.AllListeners.Subscribe(new Always());

    public int Commits => Volatile.Read(ref commits);

    /// <summary>The statements run so far, in order.</summary>
    public IReadOnlyList<string> Statements
    {
        get
        {
            lock (statements)
            {
                return [.. statements];
            }
        }
    }

    /// <summary>Forgets what was counted so far.</summary>
    public void Reset()
    {
        lock (statements)
        {
            statements.Clear();
        }

        Interlocked.Exchange(ref commits, 0);
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name || listener == RoomSql.Diagnostics)
        {
            lock (subscriptions)
            {
                subscriptions.Add(listener.Subscribe(new Observer(this)));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    private void Seen(string key, object? value)
    {
        switch (value)
        {
            case DbCommand command when key == "Command" && command.Connection?.ConnectionString == database:
                Add(command.CommandText);
                break;
            case CommandExecutedEventData data when key == RelationalEventId.CommandExecuted.Name && data.Command.Connection?.ConnectionString == database:
                Add(data.Command.CommandText);
                break;
            case TransactionEndEventData data when key == RelationalEventId.TransactionCommitted.Name && data.Context?.Database.GetConnectionString() == database:
                Interlocked.Increment(ref commits);
                break;
        }
    }

    private void Add(string sql)
    {
        lock (statements)
        {
            statements.Add(sql);
        }
    }

    private sealed class Observer(DatabaseActivity activity) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => activity.Seen(value.Key, value.Value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Always : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
