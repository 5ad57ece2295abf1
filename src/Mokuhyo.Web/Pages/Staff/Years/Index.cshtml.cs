using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Years;

/// <summary>The municipality's fiscal years; planning staff open the next one here.</summary>
public sealed class IndexModel(StaffContext staff, MokuhyoDbContext db, FiscalYearOpener opener, IStringLocalizer<AdminText> text,
    ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public StaffAccess? Access { get; private set; }

    public bool CanOpen { get; private set; }

    public int NextYear { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanOpen)
        {
            return Forbid();
        }

        var result = await opener.OpenNextAsync(Access!.MunicipalityId!.Value, year, cancellationToken);
        if (result.Outcome == OpenYearOutcome.Opened)
        {
            logger.LogInformation("Fiscal year {Year} opened with {Units} units by {Name}", year, result.UnitsCopied, Access.Name);
            return Redirect($"/staff/years/{result.Year!.Year}/units?done=opened");
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = result.Outcome == OpenYearOutcome.AlreadyOpen ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        Message = text["Years.Outcome." + result.Outcome];
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Access = await staff.AccessAsync(cancellationToken);
        if (Access?.MunicipalityId is not { } municipalityId || !AccessPolicy.CanReadDrafts(Access, municipalityId))
        {
            return Forbid();
        }

        NextYear = await opener.NextYearAsync(municipalityId, cancellationToken);
        CanOpen = Access.IsPlanning && NextYear is >= FiscalYear.MinStartYear and <= FiscalYear.MaxStartYear;
        var years = await db.ReportingYears.AsNoTracking().Include(y => y.FormatVersion)
            .Where(y => y.MunicipalityId == municipalityId).OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        var counts = await db.OrgUnits.AsNoTracking().Where(u => years.Select(y => y.Id).Contains(u.ReportingYearId))
            .GroupBy(u => u.ReportingYearId).Select(g => new { g.Key, Units = g.Count(), Departments = g.Count(u => u.IsReportingUnit) })
            .ToListAsync(cancellationToken);
        Years = [.. years.Select(y => new YearRow(y.Year, Wareki.FormatFiscalYearWithWestern(y.FiscalYear), y.FormatVersion!.Number,
            counts.FirstOrDefault(c => c.Key == y.Id)?.Units ?? 0, counts.FirstOrDefault(c => c.Key == y.Id)?.Departments ?? 0))];
        return null;
    }
}

/// <summary>One fiscal year in the list.</summary>
public sealed record YearRow(int Year, string Label, int FormatNumber, int Units, int Departments);
