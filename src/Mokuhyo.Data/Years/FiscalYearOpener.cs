using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;

namespace Mokuhyo.Data.Years;

/// <summary>How opening a fiscal year ended.</summary>
public enum OpenYearOutcome
{
    Opened = 0,

    /// <summary>The year asked for is no longer the next one: someone opened it meanwhile.</summary>
    AlreadyOpen = 1,

    OutOfRange = 2,

    /// <summary>The municipality has no format version to keep the year under.</summary>
    NoFormat = 3,
}

public sealed record OpenYearResult(OpenYearOutcome Outcome, ReportingYear? Year, int UnitsCopied);

/// <summary>
/// Opens a municipality's next fiscal year: the organization tree of the latest year is copied unit
/// by unit, each copy pointing back to its original (<see cref="OrgUnit.PreviousUnitId"/>) and keeping
/// its code, so unit bindings and last year's goals find their way into the new year.
/// </summary>
public sealed class FiscalYearOpener(MokuhyoDbContext db, TimeProvider clock)
{
    /// <summary>The year that would be opened next: the one after the latest, or the current fiscal year for a new municipality.</summary>
    public async Task<int> NextYearAsync(Guid municipalityId, CancellationToken cancellationToken = default)
    {
        var latest = await db.ReportingYears.Where(y => y.MunicipalityId == municipalityId)
            .MaxAsync(y => (int?)y.Year, cancellationToken);
        return latest is { } year ? year + 1 : FiscalYear.Of(JapanTime.Today(clock)).StartYear;
    }

    /// <param name="municipalityId">The municipality.</param>
    /// <param name="expectedYear">The year the person was offered, so a second click opens nothing more.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OpenYearResult> OpenNextAsync(Guid municipalityId, int expectedYear, CancellationToken cancellationToken = default)
    {
        var next = await NextYearAsync(municipalityId, cancellationToken);
        if (next != expectedYear)
        {
            return new OpenYearResult(OpenYearOutcome.AlreadyOpen, null, 0);
        }

        if (next is < FiscalYear.MinStartYear or > FiscalYear.MaxStartYear)
        {
            return new OpenYearResult(OpenYearOutcome.OutOfRange, null, 0);
        }

        // A year keeps the format it is opened under; a newer format applies from the next year on.
        var format = await db.FormatVersions.AsNoTracking().Where(f => f.MunicipalityId == municipalityId)
            .OrderByDescending(f => f.Number).FirstOrDefaultAsync(cancellationToken);
        if (format is null)
        {
            return new OpenYearResult(OpenYearOutcome.NoFormat, null, 0);
        }

        var latest = await db.ReportingYears.AsNoTracking().Where(y => y.MunicipalityId == municipalityId)
            .OrderByDescending(y => y.Year).FirstOrDefaultAsync(cancellationToken);
        var previousUnits = latest is null
            ? []
            : await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == latest.Id).ToListAsync(cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var year = new ReportingYear { MunicipalityId = municipalityId, Year = next, FormatVersionId = format.Id };
                db.ReportingYears.Add(year);
                var copies = CopyTree(previousUnits, year.Id);
                db.OrgUnits.AddRange(copies);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new OpenYearResult(OpenYearOutcome.Opened, year, copies.Count);
            });
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new OpenYearResult(OpenYearOutcome.AlreadyOpen, null, 0);
        }
    }

    /// <summary>Copies a tree, parents before children, each copy pointing back to its original.</summary>
    internal static List<OrgUnit> CopyTree(IReadOnlyList<OrgUnit> units, Guid yearId)
    {
        var copies = new List<OrgUnit>(units.Count);
        var newIds = new Dictionary<Guid, Guid>();
        var queue = new Queue<OrgUnit>(units.Where(u => u.ParentId is null || units.All(p => p.Id != u.ParentId)).OrderBy(u => u.SortOrder));
        while (queue.TryDequeue(out var unit))
        {
            var copy = new OrgUnit
            {
                ReportingYearId = yearId,
                ParentId = unit.ParentId is { } parent && newIds.TryGetValue(parent, out var newParent) ? newParent : null,
                Code = unit.Code,
                Name = unit.Name,
                Kind = unit.Kind,
                SortOrder = unit.SortOrder,
                IsReportingUnit = unit.IsReportingUnit,
                HeadTitle = unit.HeadTitle,
                HeadName = unit.HeadName,
                CompositionNote = unit.CompositionNote,
                Responsibilities = [.. unit.Responsibilities],
                PreviousUnitId = unit.Id,
            };
            newIds[unit.Id] = copy.Id;
            copies.Add(copy);
            foreach (var child in units.Where(u => u.ParentId == unit.Id).OrderBy(u => u.SortOrder))
            {
                queue.Enqueue(child);
            }
        }

        return copies;
    }
}
