using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Tests.Common;
using Npgsql;

namespace Mokuhyo.Web.Tests.Operations;

/// <summary>
/// The server is killed with SIGKILL in the middle of writes: after a restart every write it
/// acknowledged is there, and the database passes its integrity check.
/// </summary>
public class CrashTests
{
    private const string Department = "/api/v1/staff/years/2022/departments/shimin-seikatsu";

    /// <summary>Goals and indicators of the seed report whose interim actuals the writers set, one writer each.</summary>
    private static readonly (int Goal, int Indicator)[] Targets = [(1, 1), (4, 1), (6, 1), (6, 2)];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_acknowledged_write_survives_a_SIGKILL(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.SkipIfUnavailable();
        }

        var connectionString = provider == DatabaseProvider.Postgres ? await TestPostgres.CreateDatabaseAsync() : WebNode.NewSqliteConnectionString();
        try
        {
            var acknowledged = new ConcurrentBag<(int Goal, int Indicator, decimal Value)>();
            await using (var node = await WebNode.StartAsync(provider, connectionString, migrate: true))
            {
                var token = await TokenAsync(provider, connectionString);
                using var stop = new CancellationTokenSource();
                // A first request on a busy machine (JIT, first queries) can take many seconds; a writer that timed
                // out would stop for good, so only the kill may end the writers.
                using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromMinutes(2) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var writers = Targets.Select(t => WriteUntilKilledAsync(client, t.Goal, t.Indicator, acknowledged, stop.Token)).ToList();

                // Kill once enough writes were acknowledged, mid-stream.
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (acknowledged.Count < 40 && DateTime.UtcNow < deadline && writers.All(w => !w.IsCompleted))
                {
                    await Task.Delay(50, TestContext.Current.CancellationToken);
                }

                await node.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                Assert.True(acknowledged.Count >= 10, $"only {acknowledged.Count} writes were acknowledged before the kill:\n{node.Log}");
            }

            // A restart on the same database: it comes up, and every acknowledged value is recorded.
            await using (var restarted = await WebNode.StartAsync(provider, connectionString, migrate: true))
            {
                await using var db = WebNode.Context(provider, connectionString);
                var changes = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.EntityType == "IndicatorActual")
                    .Select(e => e.Changes)
                    .ToListAsync(TestContext.Current.CancellationToken);
                var missing = acknowledged.Where(w => !changes.Any(c => c.Contains(Marker(w.Value), StringComparison.Ordinal))).ToList();
                Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are missing, e.g. {missing.FirstOrDefault()}");

                // The last acknowledged value of each indicator is the one stored (or one sent after it whose answer was lost).
                foreach (var written in acknowledged.GroupBy(w => (w.Goal, w.Indicator)))
                {
                    var stored = await (
                        from g in db.Goals
                        join i in db.Indicators on g.Id equals i.GoalId
                        join a in db.IndicatorActuals on i.Id equals a.IndicatorId
                        where g.Number == written.Key.Goal && i.Ordinal == written.Key.Indicator && a.PhaseKey == "interim"
                        select a.Value).SingleAsync(TestContext.Current.CancellationToken);
                    Assert.True(stored >= written.Max(w => w.Value), $"goal {written.Key.Goal}: stored {stored}, acknowledged {written.Max(w => w.Value)}");
                }

                await AssertIntactAsync(provider, connectionString);
            }
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await TestPostgres.DropDatabaseAsync(connectionString);
            }
            else
            {
                WebNode.DeleteSqlite(connectionString);
            }
        }
    }

    // Each value is unique across writers (goal*1e6 + indicator*1e4 + n), so the audit trail shows which writes landed.
    private static async Task WriteUntilKilledAsync(HttpClient client, int goal, int indicator, ConcurrentBag<(int, int, decimal)> acknowledged,
        CancellationToken stop)
    {
        long version = 0;
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var value = (goal * 1_000_000m) + (indicator * 10_000m) + n;
            try
            {
                using var response = await client.PutAsJsonAsync(
                    new Uri($"{Department}/goals/{goal}/indicators/{indicator}/actuals/interim", UriKind.Relative),
                    new { value, asOf = "2022-10-01", version }, stop);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    // Another writer of the department began the draft first: carry on from the stored version.
                    var problem = await response.Content.ReadFromJsonAsync<ConflictAnswer>(stop);
                    version = problem!.CurrentVersion;
                    continue;
                }

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT goal {goal}: {response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
                var body = await response.Content.ReadFromJsonAsync<ActualAnswer>(stop);
                version = body!.Version;
                acknowledged.Add((goal, indicator, value));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
            {
                return; // the server died: this write was never acknowledged
            }
        }
    }

    private static string Marker(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> TokenAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = WebNode.Context(provider, connectionString);
        var editor = await db.Users.SingleAsync(u => u.Email == "shimin-seikatsu@iruma.example.jp", TestContext.Current.CancellationToken);
        var created = await new AccessTokens(db, TimeProvider.System).CreateAsync(editor.Id, "crash test", TokenScope.Write, null, TestContext.Current.CancellationToken);
        return created.Text;
    }

    private static async Task AssertIntactAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            command.CommandText = "PRAGMA foreign_key_check;";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.False(await reader.ReadAsync(TestContext.Current.CancellationToken), "a foreign key points nowhere");
            return;
        }

        // amcheck verifies every B-tree index against its table; a torn page or a lost heap row fails it.
        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        await using var check = pg.CreateCommand();
        check.CommandText = """
            CREATE EXTENSION IF NOT EXISTS amcheck;
            SELECT count(bt_index_check(index => c.oid, heapallindexed => true))
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE am.amname = 'btree' AND n.nspname = 'public';
            """;
        var checkedIndexes = Convert.ToInt64(await check.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
        Assert.True(checkedIndexes > 10, $"only {checkedIndexes} indexes were checked");
    }

    private sealed record ActualAnswer(long Version);

    private sealed record ConflictAnswer(long CurrentVersion);
}
