using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Data.Formats;

/// <summary>What became of a saved format.</summary>
public enum FormatSaveOutcome
{
    Saved = 0,
    Invalid = 1,

    /// <summary>Someone saved another version since the editor opened the one they changed.</summary>
    Conflict = 2,

    /// <summary>The same text as the current version: no new version.</summary>
    Unchanged = 3,
}

public sealed record FormatSaveResult(FormatSaveOutcome Outcome, int Number, IReadOnlyList<FormatProblem> Problems);

/// <summary>What became of choosing a fiscal year's format version.</summary>
public enum FormatAssignOutcome
{
    Assigned = 0,
    NoSuchYear = 1,
    NoSuchVersion = 2,

    /// <summary>The year has published reports, which keep the words of the version they were published with.</summary>
    Published = 3,

    /// <summary>The year holds content the version has no place for (a phase, plan section, field or kind of unit).</summary>
    Incompatible = 4,
}

public sealed record FormatAssignResult(FormatAssignOutcome Outcome, IReadOnlyList<string> Missing);

/// <summary>A version of the municipality's format as the admin page lists it.</summary>
public sealed record FormatVersionRow(int Number, string Key, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// The municipality's format versions: saving a changed format as a new version (never rewriting one a
/// year may be bound to), and choosing which version a year that has published nothing uses.
/// </summary>
public sealed class FormatAdministration(MokuhyoDbContext db, TimeProvider clock)
{
    public async Task<FormatVersion?> CurrentAsync(Guid municipalityId, CancellationToken cancellationToken = default) =>
        await db.FormatVersions.AsNoTracking().Where(f => f.MunicipalityId == municipalityId)
            .OrderByDescending(f => f.Number).FirstOrDefaultAsync(cancellationToken);

    public async Task<FormatVersion?> FindAsync(Guid municipalityId, int number, CancellationToken cancellationToken = default) =>
        await db.FormatVersions.AsNoTracking().SingleOrDefaultAsync(f => f.MunicipalityId == municipalityId && f.Number == number, cancellationToken);

    public async Task<IReadOnlyList<FormatVersionRow>> ListAsync(Guid municipalityId, CancellationToken cancellationToken = default)
    {
        var versions = await db.FormatVersions.AsNoTracking().Where(f => f.MunicipalityId == municipalityId)
            .OrderByDescending(f => f.Number).ToListAsync(cancellationToken);
        return [.. versions.Select(v =>
        {
            var format = FormatJson.Parse(v.Json).Format;
            return new FormatVersionRow(v.Number, format?.Key ?? string.Empty, format?.Name ?? string.Empty, v.CreatedAt);
        })];
    }

    /// <summary>
    /// Saves a format as the next version when it is valid and <paramref name="basedOn"/> is still the
    /// latest version; two saves from the same version make one new version and one conflict.
    /// </summary>
    public async Task<FormatSaveResult> SaveAsync(Guid municipalityId, string json, int basedOn, CancellationToken cancellationToken = default)
    {
        var check = FormatTemplate.Check(json);
        var current = await CurrentAsync(municipalityId, cancellationToken);
        var currentNumber = current?.Number ?? 0;
        if (!check.IsValid)
        {
            return new FormatSaveResult(FormatSaveOutcome.Invalid, currentNumber, check.Problems);
        }

        if (basedOn != currentNumber)
        {
            return new FormatSaveResult(FormatSaveOutcome.Conflict, currentNumber, []);
        }

        if (current is not null && string.Equals(current.Json.Trim(), json.Trim(), StringComparison.Ordinal))
        {
            return new FormatSaveResult(FormatSaveOutcome.Unchanged, currentNumber, []);
        }

        db.FormatVersions.Add(new FormatVersion
        {
            MunicipalityId = municipalityId,
            Number = currentNumber + 1,
            Json = json,
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (municipality, number) index: another save took the number first.
            db.ChangeTracker.Clear();
            var now = await CurrentAsync(municipalityId, cancellationToken);
            return new FormatSaveResult(FormatSaveOutcome.Conflict, now?.Number ?? 0, []);
        }

        return new FormatSaveResult(FormatSaveOutcome.Saved, currentNumber + 1, []);
    }

    /// <summary>Whether any report of the year has been published (its format version is then fixed).</summary>
    public Task<bool> IsPublishedAsync(Guid reportingYearId, CancellationToken cancellationToken = default) =>
        db.PublishedReports.AnyAsync(p => p.ReportingYearId == reportingYearId, cancellationToken);

    /// <summary>Binds a year that has published nothing to another version, if the version has a place for all the year holds.</summary>
    public async Task<FormatAssignResult> AssignAsync(Guid municipalityId, int year, int number, CancellationToken cancellationToken = default)
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.MunicipalityId == municipalityId && y.Year == year, cancellationToken);
        if (reportingYear is null)
        {
            return new FormatAssignResult(FormatAssignOutcome.NoSuchYear, []);
        }

        var version = await FindAsync(municipalityId, number, cancellationToken);
        if (version is null || FormatJson.Parse(version.Json).Format is not { } format)
        {
            return new FormatAssignResult(FormatAssignOutcome.NoSuchVersion, []);
        }

        if (await IsPublishedAsync(reportingYear.Id, cancellationToken))
        {
            return new FormatAssignResult(FormatAssignOutcome.Published, []);
        }

        var missing = await MissingPlacesAsync(reportingYear.Id, format, cancellationToken);
        if (missing.Count > 0)
        {
            return new FormatAssignResult(FormatAssignOutcome.Incompatible, missing);
        }

        reportingYear.FormatVersionId = version.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new FormatAssignResult(FormatAssignOutcome.Assigned, []);
    }

    /// <summary>The phases, plan sections, goal fields and kinds of unit the year uses that the format does not define.</summary>
    private async Task<List<string>> MissingPlacesAsync(Guid yearId, ReportFormat format, CancellationToken cancellationToken)
    {
        var units = db.OrgUnits.Where(u => u.ReportingYearId == yearId);
        var goals = db.Goals.Where(g => g.ReportingYearId == yearId);
        var kinds = await units.Select(u => u.Kind).Distinct().ToListAsync(cancellationToken);
        var sections = await db.PlanItems.Where(i => units.Any(u => u.Id == i.OrgUnitId)).Select(i => i.SectionKey).Distinct().ToListAsync(cancellationToken);
        var phases = await db.GoalResults.Where(r => goals.Any(g => g.Id == r.GoalId)).Select(r => r.PhaseKey)
            .Union(db.IndicatorActuals.Where(a => db.Indicators.Any(i => i.Id == a.IndicatorId && goals.Any(g => g.Id == i.GoalId))).Select(a => a.PhaseKey))
            .Union(db.GoalFieldValues.Where(v => goals.Any(g => g.Id == v.GoalId)).Select(v => v.PhaseKey))
            .Union(db.ReportStates.Where(s => s.ReportingYearId == yearId).Select(s => s.PhaseKey))
            .Distinct().ToListAsync(cancellationToken);
        var fields = await db.GoalFieldValues.Where(v => goals.Any(g => g.Id == v.GoalId)).Select(v => v.FieldKey).Distinct().ToListAsync(cancellationToken);

        return
        [
            .. phases.Where(p => format.FindPhase(p) is null).Order(StringComparer.Ordinal).Select(p => "phases: " + p),
            .. sections.Where(s => format.FindPlanSection(s) is null).Order(StringComparer.Ordinal).Select(s => "planSections: " + s),
            .. fields.Where(f => format.FindGoalField(f) is null).Order(StringComparer.Ordinal).Select(f => "goalFields: " + f),
            .. kinds.Where(k => !format.UnitKinds.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).Select(k => "unitKinds: " + k),
        ];
    }
}
