using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Years;

/// <summary>A fiscal year of the signed-in account's municipality, with its format and organization tree.</summary>
public sealed record YearScope(StaffAccess Access, ReportingYear Year, ReportFormat Format, IReadOnlyList<OrgUnit> Units)
{
    public string Label => Wareki.FormatFiscalYearWithWestern(Year.FiscalYear);

    /// <summary>Loads a year the account may read drafts of; null when there is none to show.</summary>
    public static async Task<YearScope?> LoadAsync(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, string year,
        CancellationToken cancellationToken)
    {
        var access = await staff.AccessAsync(cancellationToken);
        if (access?.MunicipalityId is not { } municipalityId || !AccessPolicy.CanReadDrafts(access, municipalityId)
            || !FiscalYear.TryParse(year, out var fiscalYear))
        {
            return null;
        }

        var reportingYear = await db.ReportingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.MunicipalityId == municipalityId && y.Year == fiscalYear.StartYear, cancellationToken);
        if (reportingYear is null)
        {
            return null;
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == reportingYear.Id)
            .OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        return new YearScope(access, reportingYear, await drafts.FormatOfYearAsync(reportingYear.Id, cancellationToken), units);
    }

    /// <summary>The tree in reading order, each unit with its depth.</summary>
    public IReadOnlyList<(OrgUnit Unit, int Depth)> Tree()
    {
        var rows = new List<(OrgUnit, int)>();
        var seen = new HashSet<Guid>();
        void Walk(OrgUnit unit, int depth)
        {
            if (!seen.Add(unit.Id))
            {
                return;
            }

            rows.Add((unit, depth));
            foreach (var child in Units.Where(u => u.ParentId == unit.Id))
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var root in Units.Where(u => u.ParentId is null || Units.All(p => p.Id != u.ParentId)))
        {
            Walk(root, 0);
        }

        return rows;
    }

    /// <summary>Puts the editor's problems beside the fields of the form they came from, in the reader's language.</summary>
    public static void AddProblems(ModelStateDictionary modelState, string prefix, IEnumerable<UnitProblem> problems, IStringLocalizer<AdminText> text)
    {
        foreach (var problem in problems)
        {
            var label = problem.Field.Length == 0 ? "" : text["Units.Field." + problem.Field].Value;
            var key = problem.Field.Length == 0 ? string.Empty : $"{prefix}.{problem.Field}";
            modelState.AddModelError(key, text["Units.Problem." + problem.Code, [label, .. problem.Args]]);
        }
    }
}
