using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Documents;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Import;

/// <summary>
/// The Excel round trip for staff: download the drafts of a phase in the template, upload an edited
/// workbook into the drafts. An upload is checked whole first and written all or nothing, only for
/// departments the account may edit and whose report is not under review or published.
/// </summary>
[RequestSizeLimit(WorkbookLimits.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = WorkbookLimits.MaxFileBytes + 64 * 1024)]
public sealed class IndexModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public int Year { get; private set; }

    public string YearLabel { get; private set; } = "";

    public IReadOnlyList<PhaseDefinition> Phases { get; private set; } = [];

    public string? Phase { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<string> Notices { get; private set; } = [];

    /// <summary>Whether to offer the import of a workbook in the city's own layout (planning staff).</summary>
    public bool CanImportMapped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken) is { } failure ? failure : Page();

    public async Task<IActionResult> OnGetExportAsync(string year, string? phase, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (Phases.FirstOrDefault(p => string.Equals(p.Key, phase, StringComparison.Ordinal)) is not { } chosen)
        {
            return NotFound();
        }

        var reports = new List<DepartmentReport>();
        foreach (var department in units!.Where(u => u.IsReportingUnit))
        {
            reports.Add(await drafts.BuildAsync(department.Id, chosen.Key, 0, clock.GetUtcNow(), cancellationToken));
        }

        using var buffer = new MemoryStream();
        WorkbookExporter.Write(reports, buffer);
        return File(buffer.ToArray(), MediaTypes.Xlsx, $"{municipality!.Code}_{Year}_{chosen.Key}_drafts.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string year, string? phase, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } failure)
        {
            return failure;
        }

        Phase = phase;
        var chosen = Phases.FirstOrDefault(p => string.Equals(p.Key, phase, StringComparison.Ordinal));
        if (chosen is null || file is null || file.Length == 0)
        {
            Errors = [text[chosen is null ? "Import.NoPhase" : "Import.NoFile"]];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await WorkbookImporter.ImportAsync(stream, db, municipality!.Slug, Year, chosen.Key, Gate(chosen), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Text)];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Notices = result.Notices;
        return Page();
    }

    private ImportGate Gate(PhaseDefinition phase) => DraftImportGate.For(access!, municipality!, units!, workflow, phase, DraftImportGate.TemplateSource, text);

    private StaffAccess? access;
    private Municipality? municipality;
    private IReadOnlyList<OrgUnit>? units;

    private async Task<IActionResult?> LoadAsync(string year, CancellationToken cancellationToken)
    {
        access = await staff.AccessAsync(cancellationToken);
        municipality = await staff.MunicipalityAsync(cancellationToken);
        if (access is null || municipality is null || !AccessPolicy.CanReadDrafts(access, municipality.Id))
        {
            return Forbid();
        }

        if (!FiscalYear.TryParse(year, out var fiscalYear))
        {
            return NotFound();
        }

        var reportingYear = await db.ReportingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.MunicipalityId == municipality.Id && y.Year == fiscalYear.StartYear, cancellationToken);
        if (reportingYear is null)
        {
            return NotFound();
        }

        Year = reportingYear.Year;
        CanImportMapped = AccessPolicy.CanManageFormat(access, municipality.Id);
        YearLabel = Wareki.FormatFiscalYear(fiscalYear);
        Phases = (await drafts.FormatOfYearAsync(reportingYear.Id, cancellationToken)).Phases;
        units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == reportingYear.Id).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        return null;
    }
}
