using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Data.Search;

/// <summary>
/// Keeps the search entries in step with what the public reads: the latest published revision of
/// each department's report. Publication stages its entries in the publisher's own save; the index
/// can also be rebuilt whole from the snapshots (at start when it is missing or stale, or by operators).
/// </summary>
public sealed class SearchIndex(MokuhyoDbContext db)
{
    /// <summary>SQLite's FTS5 table over SearchEntries.Folded, created by the SearchIndex migration.</summary>
    public const string SqliteFtsTable = "SearchEntriesFts";

    /// <summary>The trigrams of <see cref="SqliteFtsTable"/> (an fts5vocab table), for terms shorter than a trigram.</summary>
    public const string SqliteVocabularyTable = "SearchEntriesFtsVocab";

    /// <summary>
    /// Replaces the department's entries with those of a report being published, when it is the
    /// revision the public will read (a later phase may already be published). Nothing is saved here:
    /// the caller's SaveChanges writes the report and its entries together.
    /// </summary>
    public async Task StageAsync(PublishedReport published, DepartmentReport report, int departmentOrder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(published);
        var newer = await db.PublishedReports.AsNoTracking()
            .AnyAsync(p => p.DepartmentId == published.DepartmentId && p.Id != published.Id
                && (p.PhaseOrder > published.PhaseOrder || (p.PhaseOrder == published.PhaseOrder && p.Revision > published.Revision)),
                cancellationToken);
        if (newer)
        {
            return;
        }

        var old = await db.SearchEntries.Where(e => e.DepartmentId == published.DepartmentId).ToListAsync(cancellationToken);
        db.SearchEntries.RemoveRange(old);
        db.SearchEntries.AddRange(SearchDocuments.Build(report, published.Id, published.DepartmentId, departmentOrder));
    }

    /// <summary>Whether the entries are those of the latest published revisions, built by this version of the code.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default)
    {
        var latest = (await LatestAsync(cancellationToken)).Select(p => p.Id).ToHashSet();
        var indexed = await db.SearchEntries.AsNoTracking().Select(e => e.PublishedReportId).Distinct().ToListAsync(cancellationToken);
        var stale = await db.SearchEntries.AsNoTracking().AnyAsync(e => e.IndexVersion != SearchDocuments.Version, cancellationToken);
        return !stale && latest.SetEquals(indexed);
    }

    /// <summary>Rebuilds the index when it is not current; returns whether it did.</summary>
    public async Task<bool> EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (await IsCurrentAsync(cancellationToken))
        {
            return false;
        }

        await RebuildAsync(cancellationToken);
        return true;
    }

    /// <summary>Builds every entry again from the published snapshots, in one transaction; returns the number of entries.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SearchEntries.ExecuteDeleteAsync(cancellationToken);
            var order = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.SortOrder })
                .ToDictionaryAsync(u => u.Id, u => u.SortOrder, cancellationToken);
            var count = 0;
            foreach (var batch in (await LatestAsync(cancellationToken)).Chunk(200))
            {
                var ids = batch.Select(p => p.Id).ToList();
                var snapshots = await db.PublishedReports.AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.DepartmentId, p.Json }).ToListAsync(cancellationToken);
                foreach (var snapshot in snapshots)
                {
                    var entries = SearchDocuments.Build(ReportJson.Deserialize(snapshot.Json), snapshot.Id, snapshot.DepartmentId,
                        order.GetValueOrDefault(snapshot.DepartmentId));
                    db.SearchEntries.AddRange(entries);
                    count += entries.Count;
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
            return count;
        });
    }

    // The same choice as PublicCatalog: per department, the latest phase, then the latest revision.
    private async Task<List<LatestReport>> LatestAsync(CancellationToken cancellationToken)
    {
        var all = await db.PublishedReports.AsNoTracking()
            .Select(p => new LatestReport(p.Id, p.DepartmentId, p.PhaseOrder, p.Revision))
            .ToListAsync(cancellationToken);
        return [.. all.GroupBy(p => p.DepartmentId)
            .Select(g => g.OrderByDescending(p => p.PhaseOrder).ThenByDescending(p => p.Revision).First())];
    }

    private sealed record LatestReport(Guid Id, Guid DepartmentId, int PhaseOrder, int Revision);
}
