using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Formats;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Format;

/// <summary>
/// The municipality's format for planning staff: read it, edit it as JSON (validated by field, saved as a
/// new version), choose which version a year that has published nothing uses, download it and the schema.
/// </summary>
public sealed class IndexModel(StaffContext staff, MokuhyoDbContext db, FormatAdministration formats, IStringLocalizer<TemplateText> text,
    ILogger<IndexModel> logger) : PageModel
{
    /// <summary>The longest format text accepted; the shipped formats are a few kilobytes.</summary>
    public const int MaxJsonLength = 200_000;

    public IReadOnlyList<FormatVersionRow> Versions { get; private set; } = [];

    public IReadOnlyList<FormatYearRow> Years { get; private set; } = [];

    public int CurrentNumber { get; private set; }

    public string Json { get; private set; } = string.Empty;

    public IReadOnlyList<FormatProblem> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    private Guid municipalityId;

    private StaffAccess? account;

    public async Task<IActionResult> OnGetAsync(int? saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (saved is { } number)
        {
            Message = text["Format.Saved", number];
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = version is { } n ? await formats.FindAsync(municipalityId, n, cancellationToken) : await formats.CurrentAsync(municipalityId, cancellationToken);
        return found is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(found.Json), "application/json; charset=utf-8", $"format-v{found.Number}.json");
    }

    public async Task<IActionResult> OnGetSchemaAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return File(Encoding.UTF8.GetBytes(FormatTemplate.SchemaJson), "application/schema+json; charset=utf-8", "schema.json");
    }

    public async Task<IActionResult> OnPostSaveAsync(string? json, int? basedOn, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (json is null || basedOn is null || json.Length > MaxJsonLength)
        {
            return BadRequest();
        }

        var result = await formats.SaveAsync(municipalityId, json, basedOn.Value, cancellationToken);
        switch (result.Outcome)
        {
            case FormatSaveOutcome.Saved:
                logger.LogInformation("Format version {Number} saved by {Name}", result.Number, account?.Name);
                return Redirect($"/staff/admin/format?saved={result.Number}");
            case FormatSaveOutcome.Unchanged:
                Message = text["Format.Unchanged"];
                return Page();
            case FormatSaveOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                Message = text["Format.Conflict", result.Number];
                Json = json;
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Problems = result.Problems;
                Message = text["Format.Invalid", result.Problems.Count];
                Json = json;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostAssignAsync(int? year, int? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (year is null || version is null)
        {
            return BadRequest();
        }

        var result = await formats.AssignAsync(municipalityId, year.Value, version.Value, cancellationToken);
        var label = year.Value is >= FiscalYear.MinStartYear and <= FiscalYear.MaxStartYear
            ? Wareki.FormatFiscalYear(new FiscalYear(year.Value))
            : year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (result.Outcome)
        {
            case FormatAssignOutcome.Assigned:
                logger.LogInformation("Fiscal year {Year} bound to format version {Number} by {Name}", year, version, account?.Name);
                await LoadAsync(cancellationToken);
                Message = text["Format.YearChanged", label, version.Value];
                return Page();
            case FormatAssignOutcome.NoSuchYear:
            case FormatAssignOutcome.NoSuchVersion:
                Response.StatusCode = StatusCodes.Status404NotFound;
                Message = text["Format.NoVersion"];
                return Page();
            case FormatAssignOutcome.Published:
                Response.StatusCode = StatusCodes.Status409Conflict;
                Message = text["Format.YearIsPublished", label];
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Message = text["Format.YearIncompatible", version.Value, label, string.Join("、", result.Missing)];
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        account = await staff.AccessAsync(cancellationToken);
        if (account?.MunicipalityId is not { } id || !AccessPolicy.CanManageFormat(account, id))
        {
            return Forbid();
        }

        municipalityId = id;
        Versions = await formats.ListAsync(id, cancellationToken);
        var current = await formats.CurrentAsync(id, cancellationToken);
        CurrentNumber = current?.Number ?? 0;
        Json = current?.Json ?? string.Empty;
        var years = await db.ReportingYears.AsNoTracking().Include(y => y.FormatVersion)
            .Where(y => y.MunicipalityId == id).OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        var published = await db.PublishedReports.AsNoTracking().Where(p => years.Select(y => y.Id).Contains(p.ReportingYearId))
            .Select(p => p.ReportingYearId).Distinct().ToListAsync(cancellationToken);
        Years = [.. years.Select(y => new FormatYearRow(y.Year, Wareki.FormatFiscalYearWithWestern(y.FiscalYear), y.FormatVersion!.Number,
            published.Contains(y.Id)))];
        return null;
    }
}

/// <summary>A fiscal year with the format version it uses and whether that can still change.</summary>
public sealed record FormatYearRow(int Year, string Label, int FormatNumber, bool IsPublished);
