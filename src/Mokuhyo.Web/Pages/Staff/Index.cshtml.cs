using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff;

/// <summary>The staff home: every department of a year and where each phase of its report stands.</summary>
public sealed class IndexModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts) : PageModel
{
    public StaffAccess? Access { get; private set; }

    public string MunicipalityName { get; private set; } = "";

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int Year { get; private set; }

    public IReadOnlyList<PhaseDefinition> Phases { get; private set; } = [];

    public IReadOnlyList<BoardRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Access = await staff.AccessAsync(cancellationToken);
        var municipality = await staff.MunicipalityAsync(cancellationToken);
        if (Access is null || municipality is null)
        {
            return Forbid();
        }

        MunicipalityName = municipality.Name;
        var years = await db.ReportingYears.AsNoTracking().Where(y => y.MunicipalityId == municipality.Id)
            .OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        Years = [.. years.Select(y => y.Year)];
        var current = years.FirstOrDefault(y => y.Year == year) ?? years.FirstOrDefault();
        if (current is null)
        {
            return Page();
        }

        Year = current.Year;
        Phases = (await drafts.FormatOfYearAsync(current.Id, cancellationToken)).Phases;
        var departments = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == current.Id && u.IsReportingUnit)
            .OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var states = await db.ReportStates.AsNoTracking().Where(s => s.ReportingYearId == current.Id).ToListAsync(cancellationToken);
        Rows = [.. departments.Select(d => new BoardRow(d, Phases.ToDictionary(p => p.Key, p =>
            states.FirstOrDefault(s => s.DepartmentId == d.Id && s.PhaseKey == p.Key)
            ?? new ReportState { PhaseKey = p.Key, DepartmentId = d.Id, Status = ReportStatus.NotStarted }, StringComparer.Ordinal)))];
        return Page();
    }
}

/// <summary>One department's line on the staff board.</summary>
public sealed record BoardRow(OrgUnit Department, IReadOnlyDictionary<string, ReportState> States);
