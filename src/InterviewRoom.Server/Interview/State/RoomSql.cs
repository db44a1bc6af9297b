using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using InterviewRoom.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewRoom.Server.Interview.State;

/// <summary>
/// The hot path's statements as plain commands on the context's connection and transaction (ADR 0015). EF Core's
/// LINQ pipeline costs more than the statement itself on this path (expression walking, a delegate compiled per
/// execution); these bypass it but keep everything that makes them right: table, column and identifier quoting
/// come from EF's model for the provider in use, and every value goes through its property's own type mapping
/// (value converters included: UTC instants, GUIDs as SQLite stores them, JSON columns, enums as text).
/// </summary>
internal static partial class RoomSql
{
    private static readonly ConcurrentDictionary<(IModel, Type), Statement> Inserts = new();
    private static readonly ConcurrentDictionary<IModel, Statement> Counters = new();
    private static readonly ConcurrentDictionary<(IModel Model, Type Type, string Shape), Statement> Updates = new();
    private static readonly ConcurrentDictionary<(IModel Model, Type Type, string Shape), Statement> Deletes = new();

    /// <summary>
    /// Raises <c>Command</c> (the <see cref="DbCommand"/>) before each command runs, for whoever counts statements
    /// (tests, measurements); EF Core's own diagnostics do not see these. Costs nothing while nobody listens.
    /// </summary>
    public static readonly DiagnosticListener Diagnostics = new("InterviewRoom.RoomSql");

    /// <summary>The room's version and push sequence (a read: no lock taken), or null when there is no such room.</summary>
    public static async Task<(long Version, long PushSequence)?> CountersAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken)
    {
        var counters = Counters.GetOrAdd(db.Model, static (_, db) => Statement.Of(
            db, typeof(Data.Entities.Room), $"SELECT {{0}}, {{1}} FROM {{table}} WHERE {{2}} = @p0", ["Version", "PushSequence", "Id"], ["Id"]), db);
        await using var command = Command(db, counters.Sql);
        counters.Bind(command, [roomId]);
        Executing(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>
    /// Runs one UPDATE on <typeparamref name="T"/>'s table: <paramref name="set"/> and <paramref name="where"/> name
    /// properties (each compared for equality, or IS NULL for a null value); returns the rows it changed. The text
    /// and the type mappings are worked out once per shape (which properties, which conditions are IS NULL).
    /// </summary>
    public static async Task<int> UpdateAsync<T>(
        InterviewRoomDb db, IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where,
        CancellationToken cancellationToken, IReadOnlyList<string>? keepIfSet = null)
    {
        var update = Updates.GetOrAdd(
            (db.Model, typeof(T), ShapeOf(set, where, keepIfSet)),
            static (key, args) => UpdateFor(args.db, key.Type, args.set, args.where, args.keepIfSet),
            (db, set, where, keepIfSet));
        await using var command = Command(db, update.Sql);
        var values = new object?[update.Parameters.Count];
        var n = 0;
        foreach (var (_, value) in set)
        {
            values[n++] = value;
        }

        foreach (var (_, value) in where)
        {
            if (value is not null)
            {
                values[n++] = value;
            }
        }

        update.Bind(command, values);
        Executing(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one DELETE on <typeparamref name="T"/>'s table where every named property equals its value.</summary>
    public static async Task<int> DeleteAsync<T>(InterviewRoomDb db, IReadOnlyList<(string Property, object Value)> where, CancellationToken cancellationToken)
    {
        var delete = Deletes.GetOrAdd(
            (db.Model, typeof(T), string.Join(",", where.Select(w => w.Property))),
            static (key, args) => Statement.Of(
                args.db, key.Type,
                $"DELETE FROM {{table}} WHERE {string.Join(" AND ", args.where.Select((w, i) => $"{{{i}}} = @p{i}"))}",
                [.. args.where.Select(w => w.Property)], [.. args.where.Select(w => w.Property)]),
            (db, where));
        await using var command = Command(db, delete.Sql);
        delete.Bind(command, [.. where.Select(w => w.Value)]);
        Executing(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ShapeOf(
        IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where, IReadOnlyList<string>? keepIfSet)
    {
        var shape = new System.Text.StringBuilder();
        foreach (var (property, _) in set)
        {
            shape.Append(property).Append(keepIfSet?.Contains(property) == true ? "?," : ",");
        }

        shape.Append('|');
        foreach (var (property, value) in where)
        {
            shape.Append(property).Append(value is null ? "~," : ",");
        }

        return shape.ToString();
    }

    private static Statement UpdateFor(
        InterviewRoomDb db, Type type, IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where,
        IReadOnlyList<string>? keepIfSet)
    {
        var names = new List<string>();
        var parameters = new List<string>();
        var assignments = set.Select(s =>
        {
            var i = names.Count;
            names.Add(s.Property);
            parameters.Add(s.Property);
            // "Keep the stored value if there is one" (CandidateId: the seat it was asked to).
            return keepIfSet?.Contains(s.Property) == true ? $"{{{i}}} = COALESCE({{{i}}}, @p{parameters.Count - 1})" : $"{{{i}}} = @p{parameters.Count - 1}";
        }).ToList();
        var conditions = where.Select(w =>
        {
            var i = names.Count;
            names.Add(w.Property);
            if (w.Value is null)
            {
                return $"{{{i}}} IS NULL";
            }

            parameters.Add(w.Property);
            return $"{{{i}}} = @p{parameters.Count - 1}";
        }).ToList();
        return Statement.Of(db, type, $"UPDATE {{table}} SET {string.Join(", ", assignments)} WHERE {string.Join(" AND ", conditions)}", names, parameters);
    }

    /// <summary>Inserts one row of <typeparamref name="T"/>: every mapped column but a store-generated key.</summary>
    public static async Task InsertAsync<T>(InterviewRoomDb db, T entity, CancellationToken cancellationToken)
        where T : class
    {
        var insert = Inserts.GetOrAdd((db.Model, typeof(T)), static (key, db) => InsertFor(db, key.Item2), db);
        await using var command = Command(db, insert.Sql);
        insert.Bind(command, [.. insert.Parameters.Select(p => p.GetGetter().GetClrValue(entity))]);
        Executing(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Statement InsertFor(InterviewRoomDb db, Type type)
    {
        // A key the database numbers (Score.Id) is left to it; every other column, GUID keys included, is sent.
        var properties = db.Model.FindEntityType(type)!.GetProperties()
            .Where(p => !(p.IsKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(int)))
            .Select(p => p.Name)
            .ToList();
        return Statement.Of(
            db, type,
            $"INSERT INTO {{table}} ({string.Join(", ", properties.Select((_, i) => $"{{{i}}}"))}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})",
            properties, properties);
    }

    private static void Executing(DbCommand command)
    {
        if (Diagnostics.IsEnabled("Command"))
        {
            Diagnostics.Write("Command", command);
        }
    }

    private static DbCommand Command(InterviewRoomDb db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static string Quote(InterviewRoomDb db, string identifier) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);

    /// <summary>
    /// A statement's text with its identifiers quoted for the provider (<c>{table}</c> and <c>{i}</c> for the i-th
    /// named column in the template), and the properties whose type mappings make its parameters <c>@p0…</c>.
    /// </summary>
    private sealed record Statement(string Sql, IReadOnlyList<IProperty> Parameters)
    {
        public static Statement Of(InterviewRoomDb db, Type type, string template, IReadOnlyList<string> columns, IReadOnlyList<string> parameters)
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = template.Replace("{table}", Quote(db, entity.GetTableName()!), StringComparison.Ordinal);
            for (var i = columns.Count - 1; i >= 0; i--) // {10} before {1}
            {
                sql = sql.Replace($"{{{i}}}", Quote(db, PropertyOf(entity, columns[i]).GetColumnName(table)!), StringComparison.Ordinal);
            }

            return new Statement(sql, [.. parameters.Select(p => PropertyOf(entity, p))]);
        }

        public void Bind(DbCommand command, IReadOnlyList<object?> values)
        {
            for (var i = 0; i < Parameters.Count; i++)
            {
                var property = Parameters[i];
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", values[i], property.IsNullable));
            }
        }

        private static IProperty PropertyOf(IEntityType entity, string name) =>
            entity.FindProperty(name) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no property {name}.");
    }
}
