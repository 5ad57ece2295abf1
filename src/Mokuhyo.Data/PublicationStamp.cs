using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mokuhyo.Data;

/// <summary>
/// What a cached public page depends on besides its address: the number of published revisions (they are only
/// ever added, so the number changes with every publication) and the sum of the schedule's row versions (every
/// change of a date raises one). Read on every public request, on every node, from the shared database, so no
/// node serves a page older than the last publication and none needs to be told to evict.
/// </summary>
/// <remarks>
/// On a cached page this read is the request's main cost, so it is one statement on a pooled connection, past
/// the DbContext: building a context's per-request options (its audit interceptor is scoped) and a LINQ query
/// cost more than the page itself. <see cref="Sql"/> names the model's tables; a test holds it to the model.
/// </remarks>
public sealed class PublicationStamp(DatabaseProvider provider, string connectionString)
{
    public const string Sql =
        "SELECT (SELECT COUNT(*) FROM \"PublishedReports\"), (SELECT COALESCE(SUM(\"Version\"), 0) FROM \"PhaseDeadlines\")";

    public async Task<string> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetValue(0)}.{reader.GetValue(1)}");
    }
}
