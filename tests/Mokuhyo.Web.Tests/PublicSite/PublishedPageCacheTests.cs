using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Web.Tests.PublicSite;

/// <summary>
/// The report page is served from the output cache, yet a publication shows at once: on the node that
/// published and on another node over the same database that had the old page cached.
/// </summary>
public sealed class PublishedPageCacheTests
{
    private const string ReportPath = "/iruma/2022/shimin-seikatsu";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_publication_through_one_node_shows_at_once_on_another_node_that_had_cached_the_page(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.SkipIfUnavailable();
        }

        var connectionString = provider == DatabaseProvider.Postgres
            ? await TestPostgres.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mokuhyo-cache-{Guid.NewGuid():N}.db")}";
        try
        {
            await using (var first = new MokuhyoFactory(provider, connectionString))
            {
                _ = first.Server; // migrations and demo data
                await using var second = new MokuhyoFactory(provider, connectionString);
                var reader1 = first.CreateClient();
                var reader2 = second.CreateClient();

                Assert.Contains("第1版", await reader2.GetStringAsync(new Uri(ReportPath, UriKind.Relative), Ct), StringComparison.Ordinal);
                Assert.Contains("第1版", await reader1.GetStringAsync(new Uri(ReportPath, UriKind.Relative), Ct), StringComparison.Ordinal);
                var cached = await reader2.GetStringAsync(new Uri(ReportPath, UriKind.Relative), Ct);
                Assert.Equal(cached, await reader2.GetStringAsync(new Uri(ReportPath, UriKind.Relative), Ct));

                using (var scope = first.Services.CreateScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
                    var department = await db.PublishedReports.Where(p => p.DepartmentCode == "shimin-seikatsu")
                        .Select(p => new { p.DepartmentId, p.PhaseKey }).FirstAsync(Ct);
                    await scope.ServiceProvider.GetRequiredService<ReportPublisher>().PublishAsync(department.DepartmentId, department.PhaseKey, Ct);
                }

                Assert.Contains("第2版", await reader2.GetStringAsync(new Uri(ReportPath, UriKind.Relative), Ct), StringComparison.Ordinal);
                Assert.Contains("第2版", await reader1.GetStringAsync(new Uri(ReportPath, UriKind.Relative), Ct), StringComparison.Ordinal);
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
                SqliteConnection.ClearAllPools();
                var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            }
        }
    }

    [Fact]
    public async Task The_publication_stamp_changes_with_every_publication()
    {
        await using var app = await Admin.AdminApp.StartAsync(DatabaseProvider.Sqlite);
        var before = await app.WithServicesAsync(services => services.GetRequiredService<PublicationStamp>().ReadAsync(Ct));
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var department = await db.PublishedReports.Select(p => new { p.DepartmentId, p.PhaseKey }).FirstAsync(Ct);
            return await services.GetRequiredService<ReportPublisher>().PublishAsync(department.DepartmentId, department.PhaseKey, Ct);
        });
        var after = await app.WithServicesAsync(services => services.GetRequiredService<PublicationStamp>().ReadAsync(Ct));

        Assert.NotEqual(before, after);
    }
}
