using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>
/// What a staff request is about, resolved once: the signed-in account, its municipality, and a
/// department of a year with the roles the account has for it. Staff only ever see their own
/// municipality, so another city's data cannot even be named in a staff URL.
/// </summary>
public sealed class StaffContext(AccessPolicy policy, MokuhyoDbContext db, IHttpContextAccessor http)
{
    private StaffAccess? access;
    private bool loaded;

    public async Task<StaffAccess?> AccessAsync(CancellationToken cancellationToken = default)
    {
        if (!loaded)
        {
            access = http.HttpContext is { } context ? await policy.LoadAsync(context.User, cancellationToken) : null;
            loaded = true;
        }

        return access;
    }

    public async Task<Municipality?> MunicipalityAsync(CancellationToken cancellationToken = default)
    {
        var account = await AccessAsync(cancellationToken);
        return account?.MunicipalityId is { } id
            ? await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            : null;
    }

    /// <summary>A department of the account's municipality, or null when there is none or the account may not read drafts.</summary>
    public async Task<DepartmentScope?> DepartmentAsync(string year, string departmentCode, CancellationToken cancellationToken = default)
    {
        var account = await AccessAsync(cancellationToken);
        if (account?.MunicipalityId is not { } municipalityId || !AccessPolicy.CanReadDrafts(account, municipalityId)
            || !FiscalYear.TryParse(year, out var fiscalYear) || !OrgUnit.IsValidCode(departmentCode))
        {
            return null;
        }

        var reportingYear = await db.ReportingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.MunicipalityId == municipalityId && y.Year == fiscalYear.StartYear, cancellationToken);
        if (reportingYear is null)
        {
            return null;
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == reportingYear.Id).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var department = units.FirstOrDefault(u => u.IsReportingUnit && string.Equals(u.Code, departmentCode, StringComparison.Ordinal));
        return department is null
            ? null
            : new DepartmentScope(account, municipalityId, reportingYear, department, units,
                AccessPolicy.RolesFor(account, municipalityId, department, units));
    }
}

/// <summary>A department of a fiscal year as one staff account sees it.</summary>
public sealed record DepartmentScope(StaffAccess Access, Guid MunicipalityId, ReportingYear Year, OrgUnit Department,
    IReadOnlyList<OrgUnit> Units, ReportRole Roles)
{
    public bool CanEditDepartment => AccessPolicy.CanEditDepartment(Access, MunicipalityId, Department, Units);
}
