using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Mokuhyo.Data;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Inserts new records many rows per statement. EF Core sends one command per row to SQLite, which made
/// a 2,000-goal import spend most of its time in eighteen thousand round trips. The SQL and the parameter
/// values come from the EF model and its type mappings, so columns and conversions (GUIDs, decimals,
/// dates, enums as text, lists as JSON) are exactly those EF writes, on every provider.
/// </summary>
internal sealed class BulkInserter(MokuhyoDbContext db)
{
    /// <summary>Parameters per statement. Parameters are bound by name, a linear search each: larger statements got slower.</summary>
    private const int MaxParameters = 400;

    private readonly Dictionary<Type, List<object>> pending = [];
    private readonly List<Type> order = [];

    /// <summary>Queues a new record; records are inserted in the order their types were first queued (parents first).</summary>
    public void Add<T>(T entity) where T : class
    {
        if (!pending.TryGetValue(typeof(T), out var list))
        {
            list = [];
            pending.Add(typeof(T), list);
            order.Add(typeof(T));
        }

        list.Add(entity);
    }

    /// <summary>Declares the insert order up front, so that children never precede their parents.</summary>
    public void Order(params Type[] types)
    {
        foreach (var type in types.Where(t => !pending.ContainsKey(t)))
        {
            pending.Add(type, []);
            order.Add(type);
        }
    }

    public async Task InsertAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in order)
        {
            var rows = pending[type];
            if (rows.Count == 0)
            {
                continue;
            }

            var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Select(p => (Property: p, Column: p.GetColumnName(table)))
                .Where(c => c.Column is not null)
                .Select(c => (c.Property, Column: c.Column!, Mapping: (RelationalTypeMapping)c.Property.GetRelationalTypeMapping(),
                    Getter: c.Property.IsShadowProperty() ? throw new InvalidOperationException($"{type.Name}.{c.Property.Name} is a shadow property.") : c.Property.GetGetter()))
                .ToList();
            var perStatement = Math.Max(1, MaxParameters / columns.Count);

            for (var start = 0; start < rows.Count; start += perStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(perStatement, rows.Count - start);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var text = new StringBuilder()
                    .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
                    .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))
                    .Append(") VALUES ");
                var n = 0;
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var name = "p" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var (property, _, mapping, getter) = columns[c];
                        command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), getter.GetClrValue(rows[start + r]), property.IsNullable));
                        text.Append(c == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    }

                    text.Append(')');
                }

                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
