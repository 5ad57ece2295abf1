using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mokuhyo.Data.Operations;

/// <summary>
/// Marks data that can be rebuilt from the other tables (a search index, a cache): the export leaves
/// it out, and whoever owns it rebuilds it after an import.
/// </summary>
public static class DerivedData
{
    public const string Annotation = "Mokuhyo:DerivedData";

    /// <summary>Leaves the entity's table out of <see cref="DataTransfer"/> exports; say in a comment how it is rebuilt.</summary>
    public static EntityTypeBuilder<T> IsDerivedData<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasAnnotation(Annotation, true);
        return builder;
    }

    public static bool IsDerived(IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return entityType.FindAnnotation(Annotation)?.Value is true;
    }
}

/// <summary>One table of the export: its name and the entity types stored in it.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<IColumn> Columns, IReadOnlyList<IEntityType> EntityTypes, IReadOnlyList<IForeignKeyConstraint> SelfReferences);

/// <summary>
/// Everything in the database as provider-neutral JSON, and back. The tables come from the EF Core
/// model (entity types, owned types, join tables, Identity, data-protection keys), in the order of
/// their foreign keys, so a table added to the model is exported without changing this class. Values
/// are written as the model's CLR values (a Guid, an instant, a list), never as a provider's storage,
/// which is what lets a SQLite export be imported into PostgreSQL.
/// </summary>
public static class DataTransfer
{
    public const string FormatName = "mokuhyo-export";
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions ValueJson = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly MethodInfo GetFieldValueMethod = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <summary>The tables the export holds, principals before their dependents.</summary>
    public static IReadOnlyList<ExportTable> Tables(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var relational = model.GetRelationalModel();
        var tables = relational.Tables
            .Where(t => t.EntityTypeMappings.Any(m => !DerivedData.IsDerived(m.TypeBase as IEntityType ?? throw new InvalidOperationException())))
            .OrderBy(t => t.SchemaQualifiedName, StringComparer.Ordinal)
            .ToList();

        var ordered = new List<ITable>();
        var done = new HashSet<ITable>();
        var visiting = new HashSet<ITable>();
        foreach (var table in tables)
        {
            Visit(table);
        }

        return [.. ordered.Select(t => new ExportTable(
            t.SchemaQualifiedName,
            [.. t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal)],
            [.. t.EntityTypeMappings.Select(m => (IEntityType)m.TypeBase).Distinct()],
            [.. t.ForeignKeyConstraints.Where(f => f.PrincipalTable == t)]))];

        void Visit(ITable table)
        {
            if (done.Contains(table) || !tables.Contains(table))
            {
                return;
            }

            if (!visiting.Add(table))
            {
                throw new InvalidOperationException($"The tables {string.Join(", ", visiting.Select(v => v.Name))} reference each other in a cycle; the export cannot order them.");
            }

            foreach (var fk in table.ForeignKeyConstraints.Where(f => f.PrincipalTable != table))
            {
                Visit((ITable)fk.PrincipalTable);
            }

            visiting.Remove(table);
            done.Add(table);
            ordered.Add(table);
        }
    }

    /// <summary>Writes every table to <paramref name="output"/>; returns the row count per table.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> ExportAsync(MokuhyoDbContext db, Stream output, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // One snapshot of every table: a serializable read transaction on both providers.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ValueJson.Encoder });
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("exportedAt", clock.GetUtcNow());
            writer.WriteString("provider", db.Database.ProviderName);
            writer.WriteString("lastMigration", (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault());
            writer.WriteStartArray("tables");
            foreach (var table in Tables(db.Model))
            {
                var count = 0;
                writer.WriteStartObject();
                writer.WriteString("name", table.Name);
                writer.WriteStartArray("columns");
                foreach (var column in table.Columns)
                {
                    writer.WriteStringValue(column.Name);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("rows");
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction.GetDbTransaction();
                    var sql = db.GetService<ISqlGenerationHelper>();
                    command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))} FROM {Delimit(sql, table.Name)} ORDER BY {string.Join(", ", KeyColumns(table).Select(c => sql.DelimitIdentifier(c.Name)))}";
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        writer.WriteStartArray();
                        for (var i = 0; i < table.Columns.Count; i++)
                        {
                            var value = Read(reader, i, table.Columns[i]);
                            JsonSerializer.Serialize(writer, value, ModelType(table.Columns[i]), ValueJson);
                        }

                        writer.WriteEndArray();
                        count++;
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                counts[table.Name] = count;
                await writer.FlushAsync(cancellationToken);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    /// <summary>
    /// Loads an export into an empty, fully migrated database, in one transaction: either every row
    /// is there afterwards or none is. Returns the row count per table.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> ImportAsync(MokuhyoDbContext db, Stream input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        using var document = await ReadDocumentAsync(input, cancellationToken);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != FormatName)
        {
            throw new DataTransferException("The file is not a Mokuhyo export (its \"format\" is not mokuhyo-export).");
        }

        if (root.GetProperty("version").GetInt32() != FormatVersion)
        {
            throw new DataTransferException($"The export is format version {root.GetProperty("version").GetInt32()}; this version reads {FormatVersion}.");
        }

        var status = await MigrationStatus.ReadAsync(db, cancellationToken);
        if (!status.IsCurrent)
        {
            throw new DataTransferException($"The target database lacks {status.Pending.Count} migration(s): run `migrate` on it first.");
        }

        var tables = Tables(db.Model);
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var fileTables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var element in root.GetProperty("tables").EnumerateArray())
        {
            var name = element.GetProperty("name").GetString() ?? "";
            if (!byName.ContainsKey(name))
            {
                throw new DataTransferException($"The export has a table '{name}' that this version does not know: import it with the version that exported it, or a newer one.");
            }

            fileTables[name] = element;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var sql = db.GetService<ISqlGenerationHelper>();
        var isPostgres = db.Database.IsNpgsql();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            counts.Clear();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var connection = db.Database.GetDbConnection();
                var dbTransaction = transaction.GetDbTransaction();
                foreach (var table in tables)
                {
                    if (await CountAsync(connection, dbTransaction, sql, table, cancellationToken) > 0)
                    {
                        throw new DataTransferException($"The target database is not empty (table {table.Name} has rows): import only into a new, migrated database.");
                    }
                }

                foreach (var table in tables)
                {
                    counts[table.Name] = fileTables.TryGetValue(table.Name, out var element)
                        ? await InsertAsync(connection, dbTransaction, sql, table, element, isPostgres, cancellationToken)
                        : 0;
                }

                if (isPostgres)
                {
                    await ResetSequencesAsync(connection, dbTransaction, tables, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        return counts;
    }

    private static async Task<JsonDocument> ReadDocumentAsync(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(input, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new DataTransferException($"The export file is not valid JSON: {ex.Message}");
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, ExportTable table,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {Delimit(sql, table.Name)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, ExportTable table,
        JsonElement element, bool isPostgres, CancellationToken cancellationToken)
    {
        var fileColumns = element.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var modelColumns = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var name in fileColumns.Where(n => !modelColumns.ContainsKey(n)))
        {
            throw new DataTransferException($"The export has a column {table.Name}.{name} that this version does not know.");
        }

        foreach (var missing in table.Columns.Where(c => !fileColumns.Contains(c.Name) && !c.IsNullable))
        {
            throw new DataTransferException($"The export lacks the required column {table.Name}.{missing.Name}.");
        }

        var columns = fileColumns.Select(n => modelColumns[n]).ToList();
        var rows = element.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToArray()).ToList();
        var values = rows.Select(r =>
        {
            if (r.Length != columns.Count)
            {
                throw new DataTransferException($"A row of {table.Name} has {r.Length} values for {columns.Count} columns.");
            }

            return columns.Select((c, i) => ToModelValue(r[i], c, table.Name, isPostgres)).ToArray();
        }).ToList();

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Delimit(sql, table.Name)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        foreach (var row in OrderForSelfReferences(table, columns, values))
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var mapping = (RelationalTypeMapping)columns[i].PropertyMappings[0].TypeMapping;
                command.Parameters.Add(mapping.CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), row[i], columns[i].IsNullable));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return values.Count;
    }

    // A row that points to another row of its own table (a unit's parent) goes after that row.
    private static List<object?[]> OrderForSelfReferences(ExportTable table, List<IColumn> columns, List<object?[]> rows)
    {
        if (table.SelfReferences.Count == 0)
        {
            return rows;
        }

        var index = columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        string Key(object?[] row, IEnumerable<IColumn> keyColumns) =>
            string.Join("\u001f", keyColumns.Select(c => Convert.ToString(row[index[c.Name]], CultureInfo.InvariantCulture)));

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        var pending = rows.ToList();
        var ordered = new List<object?[]>(rows.Count);
        while (pending.Count > 0)
        {
            var ready = pending.Where(row => table.SelfReferences.All(fk =>
                fk.Columns.Any(c => row[index[c.Name]] is null) || inserted.Contains(Key(row, fk.Columns) + "|" + fk.Name))).ToList();
            if (ready.Count == 0)
            {
                throw new DataTransferException($"The rows of {table.Name} reference each other in a cycle or a row that is missing.");
            }

            foreach (var row in ready)
            {
                ordered.Add(row);
                foreach (var fk in table.SelfReferences)
                {
                    inserted.Add(Key(row, fk.PrincipalUniqueConstraint.Columns) + "|" + fk.Name);
                }
            }

            pending = [.. pending.Except(ready)];
        }

        return ordered;
    }

    private static async Task ResetSequencesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ExportTable> tables,
        CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => ModelType(c) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(short))))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var quotedTable = "\"" + table.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                command.CommandText = "SELECT pg_get_serial_sequence(@t, @c)";
                AddParameter(command, "t", quotedTable);
                AddParameter(command, "c", column.Name);
                if (await command.ExecuteScalarAsync(cancellationToken) is not string sequence)
                {
                    continue;
                }

                command.Parameters.Clear();
                var quotedColumn = "\"" + column.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                command.CommandText = $"SELECT setval(@s, COALESCE((SELECT MAX({quotedColumn}) FROM {quotedTable}), 0) + 1, false)";
                AddParameter(command, "s", sequence);
                await command.ExecuteScalarAsync(cancellationToken);
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static IEnumerable<IColumn> KeyColumns(ExportTable table)
    {
        var first = table.Columns[0].Table;
        return first.PrimaryKey?.Columns ?? (IEnumerable<IColumn>)table.Columns;
    }

    private static string Delimit(ISqlGenerationHelper sql, string schemaQualifiedName)
    {
        var dot = schemaQualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? sql.DelimitIdentifier(schemaQualifiedName) : sql.DelimitIdentifier(schemaQualifiedName[(dot + 1)..], schemaQualifiedName[..dot]);
    }

    private static RelationalTypeMapping MappingOf(IColumn column) => (RelationalTypeMapping)column.PropertyMappings[0].TypeMapping;

    /// <summary>The CLR type the model gives the column's value (after value converters).</summary>
    public static Type ModelType(IColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var type = column.PropertyMappings[0].Property.ClrType;
        return column.IsNullable && type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
    }

    private static object? Read(DbDataReader reader, int ordinal, IColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var mapping = MappingOf(column);
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var raw = GetFieldValueMethod.MakeGenericMethod(providerType).Invoke(reader, [ordinal]);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(raw) : raw;
    }

    private static object? ToModelValue(JsonElement value, IColumn column, string table, bool isPostgres)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return column.IsNullable ? null : throw new DataTransferException($"{table}.{column.Name} is required but the export has null.");
        }

        object? result;
        try
        {
            result = value.Deserialize(ModelType(column), ValueJson);
        }
        catch (JsonException ex)
        {
            throw new DataTransferException($"{table}.{column.Name}: the value {value.GetRawText()} does not fit ({ex.Message}).");
        }

        // PostgreSQL stores instants in UTC and refuses other offsets; the instant itself is kept.
        return isPostgres && result is DateTimeOffset instant ? instant.ToUniversalTime() : result;
    }
}

/// <summary>An export that cannot be read or imported as it is; the message says why, for the operator.</summary>
public sealed class DataTransferException(string message) : Exception(message);
