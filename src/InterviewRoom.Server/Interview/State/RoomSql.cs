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
internal static class RoomSql
{
    private static readonly ConcurrentDictionary<(IModel, Type), Insert> Inserts = new();

    /// <summary>
    /// Raises <c>Command</c> (the <see cref="DbCommand"/>) before each command runs, for whoever counts statements
    /// (tests, measurements); EF Core's own diagnostics do not see these. Costs nothing while nobody listens.
    /// </summary>
    public static readonly DiagnosticListener Diagnostics = new("InterviewRoom.RoomSql");

    /// <summary>The room's version, or null when there is no such room.</summary>
    public static async Task<long?> VersionAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"SELECT {Column<Data.Entities.Room>(db, "Version")} FROM {Table<Data.Entities.Room>(db)} WHERE {Column<Data.Entities.Room>(db, "Id")} = @id");
        Add<Data.Entities.Room>(db, command, "@id", "Id", roomId);
        Executing(command);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Runs one UPDATE on <typeparamref name="T"/>'s table: <paramref name="set"/> and <paramref name="where"/> name
    /// properties (each compared for equality, or IS NULL for a null value); returns the rows it changed.
    /// </summary>
    public static async Task<int> UpdateAsync<T>(
        InterviewRoomDb db, IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where,
        CancellationToken cancellationToken, IReadOnlyList<string>? keepIfSet = null)
    {
        await using var command = Command(db, "");
        var assignments = set.Select((s, i) =>
        {
            Add<T>(db, command, $"@s{i}", s.Property, s.Value);
            var column = Column<T>(db, s.Property);
            // "Keep the stored value if there is one" (CandidateId: the seat it was asked to).
            return keepIfSet?.Contains(s.Property) == true ? $"{column} = COALESCE({column}, @s{i})" : $"{column} = @s{i}";
        });
        var conditions = where.Select((w, i) =>
        {
            if (w.Value is null)
            {
                return $"{Column<T>(db, w.Property)} IS NULL";
            }

            Add<T>(db, command, $"@w{i}", w.Property, w.Value);
            return $"{Column<T>(db, w.Property)} = @w{i}";
        });
        command.CommandText = $"UPDATE {Table<T>(db)} SET {string.Join(", ", assignments)} WHERE {string.Join(" AND ", conditions)}";
        Executing(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts one row of <typeparamref name="T"/>: every mapped column but a store-generated key.</summary>
    public static async Task InsertAsync<T>(InterviewRoomDb db, T entity, CancellationToken cancellationToken)
        where T : class
    {
        var insert = Inserts.GetOrAdd((db.Model, typeof(T)), key => Insert.For(db, key.Item2));
        await using var command = Command(db, insert.Sql);
        for (var i = 0; i < insert.Properties.Count; i++)
        {
            var property = insert.Properties[i];
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", property.GetGetter().GetClrValue(entity), property.IsNullable));
        }

        Executing(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
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

    private static void Add<T>(InterviewRoomDb db, DbCommand command, string name, string propertyName, object? value)
    {
        var property = Property<T>(db, propertyName);
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
    }

    private static IProperty Property<T>(InterviewRoomDb db, string name) =>
        db.Model.FindEntityType(typeof(T))!.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.");

    private static string Table<T>(InterviewRoomDb db) => Quote(db, db.Model.FindEntityType(typeof(T))!.GetTableName()!);

    private static string Column<T>(InterviewRoomDb db, string property)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return Quote(db, Property<T>(db, property).GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);
    }

    private static string Quote(InterviewRoomDb db, string identifier) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);

    private sealed record Insert(string Sql, IReadOnlyList<IProperty> Properties)
    {
        public static Insert For(InterviewRoomDb db, Type type)
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            // A key the database numbers (Score.Id) is left to it; every other column, GUID keys included, is sent.
            var properties = entity.GetProperties()
                .Where(p => !(p.IsKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(int)))
                .ToList();
            var columns = properties.Select(p => Quote(db, p.GetColumnName(table)!));
            return new Insert(
                $"INSERT INTO {Quote(db, entity.GetTableName()!)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})",
                properties);
        }
    }
}
