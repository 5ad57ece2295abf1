using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>
/// What the public may read: municipalities, their years with something published, and the latest
/// published revision of each department's report. Nothing unpublished passes through here.
/// </summary>
public sealed class PublicCatalog(MokuhyoDbContext db)
{
    public async Task<IReadOnlyList<PublicMunicipality>> ListMunicipalitiesAsync(CancellationToken cancellationToken = default)
    {
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken);
        var years = await (
                from y in db.ReportingYears
                where db.PublishedReports.Any(p => p.ReportingYearId == y.Id)
                select new { y.MunicipalityId, y.Year })
            .ToListAsync(cancellationToken);

        return [.. municipalities.Select(m => new PublicMunicipality(m.Code, m.Slug, m.Name, m.NameEn, m.Prefecture,
            m.LicenceName, m.LicenceUrl,
            [.. years.Where(y => y.MunicipalityId == m.Id).Select(y => new FiscalYear(y.Year)).OrderDescending()], m.IsExample))];
    }

    public async Task<PublicMunicipality?> FindMunicipalityAsync(string slug, CancellationToken cancellationToken = default) =>
        (await ListMunicipalitiesAsync(cancellationToken)).FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.Ordinal));

    /// <summary>The latest published report of every department of a year, in the order of the organization.</summary>
    public async Task<PublicYear?> FindYearAsync(string slug, FiscalYear fiscalYear, CancellationToken cancellationToken = default)
    {
        var year = await db.ReportingYears.AsNoTracking()
            .Where(y => y.Municipality!.Slug == slug && y.Year == fiscalYear.StartYear)
            .Select(y => new { y.Id, y.Municipality })
            .SingleOrDefaultAsync(cancellationToken);
        if (year is null)
        {
            return null;
        }

        var published = await db.PublishedReports.AsNoTracking()
            .Where(p => p.ReportingYearId == year.Id)
            .Select(p => new { p.DepartmentId, p.PhaseOrder, p.Revision, p.Json })
            .ToListAsync(cancellationToken);
        if (published.Count == 0)
        {
            return null;
        }

        var order = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ReportingYearId == year.Id)
            .Select(u => new { u.Id, u.SortOrder })
            .ToDictionaryAsync(u => u.Id, u => u.SortOrder, cancellationToken);

        var reports = published
            .GroupBy(p => p.DepartmentId)
            .OrderBy(g => order.GetValueOrDefault(g.Key))
            .Select(g => g.OrderByDescending(p => p.PhaseOrder).ThenByDescending(p => p.Revision).First())
            .Select(p => ReportJson.Deserialize(p.Json))
            .ToList();

        return new PublicYear(fiscalYear, year.Municipality!.Name, reports);
    }

    /// <summary>A department's latest published report, or the latest of one phase when a phase is given.</summary>
    public async Task<DepartmentReport?> FindReportAsync(string slug, FiscalYear fiscalYear, string departmentCode,
        string? phaseKey = null, CancellationToken cancellationToken = default)
    {
        var json = await db.PublishedReports.AsNoTracking()
            .Where(p => p.DepartmentCode == departmentCode
                && (phaseKey == null || p.PhaseKey == phaseKey)
                && db.ReportingYears.Any(y => y.Id == p.ReportingYearId && y.Year == fiscalYear.StartYear && y.Municipality!.Slug == slug))
            .OrderByDescending(p => p.PhaseOrder).ThenByDescending(p => p.Revision)
            .Select(p => p.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : ReportJson.Deserialize(json);
    }

    /// <summary>The organization tree of a year that has something published (the tree itself is public).</summary>
    public async Task<IReadOnlyList<OrgUnit>?> FindUnitsAsync(string slug, FiscalYear fiscalYear, CancellationToken cancellationToken = default)
    {
        var yearId = await db.ReportingYears.AsNoTracking()
            .Where(y => y.Municipality!.Slug == slug && y.Year == fiscalYear.StartYear
                && db.PublishedReports.Any(p => p.ReportingYearId == y.Id))
            .Select(y => (Guid?)y.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (yearId is null)
        {
            return null;
        }

        return await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == yearId).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
    }
}

public sealed record PublicMunicipality(string Code, string Slug, string Name, string? NameEn, string? Prefecture,
    string LicenceName, string LicenceUrl, IReadOnlyList<FiscalYear> Years, bool IsExample = false);

public sealed record PublicYear(FiscalYear FiscalYear, string MunicipalityName, IReadOnlyList<DepartmentReport> Departments);
