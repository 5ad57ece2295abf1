using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Documents.Excel.Mapped;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Import;

/// <summary>
/// Planning staff import a workbook in their city's own layout: upload, map its headers to fields (the
/// mapping is saved per municipality and format), preview what would be created, then import into the
/// drafts all or nothing. The uploaded file travels between the steps in the form itself (base64), so any
/// web node can serve the next step and nothing is left behind on the server.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public sealed class MappedModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    TimeProvider clock, IStringLocalizer<SharedResource> shared, IStringLocalizer<MappedImportText> text) : PageModel
{
    // Base64 makes the file a third larger; the rest is the mapping's fields.
    private const int MaxRequestBytes = (int)(WorkbookLimits.MaxFileBytes / 3 * 4) + 256 * 1024;

    public int Year { get; private set; }

    public string YearLabel { get; private set; } = "";

    public IReadOnlyList<PhaseDefinition> Phases { get; private set; } = [];

    [BindProperty]
    public string? Phase { get; set; }

    [BindProperty]
    public string? Sheet { get; set; }

    [BindProperty]
    public int HeaderRow { get; set; } = 1;

    /// <summary>The uploaded workbook, carried between steps.</summary>
    [BindProperty]
    public string? Workbook { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Columns { get; set; } = [];

    /// <summary>The header chosen for each of the format's goal fields, by field key.</summary>
    [BindProperty]
    public Dictionary<string, string?> GoalFields { get; set; } = [];

    /// <summary>The year's format's own goal fields (課題, 自己評価...), each a mapping target with its label.</summary>
    public IReadOnlyList<GoalFieldDefinition> FormatFields { get; private set; } = [];

    public IReadOnlyList<string> SheetNames { get; private set; } = [];

    public IReadOnlyList<string> Headers { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public MappedPreview? Preview { get; private set; }

    public ImportResult? Result { get; private set; }

    public static IReadOnlyList<MappedField> Fields => ColumnMapping.AllFields;

    public static bool IsRequired(MappedField field) => ColumnMapping.RequiredFields.Contains(field);

    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (saved is not null)
        {
            Sheet = saved.SheetName;
            HeaderRow = saved.HeaderRow;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(string year, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (file is null || file.Length == 0)
        {
            return Refuse([text["NoFile"]]);
        }

        using var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream())
        {
            // One byte past the limit is enough for the package check to refuse the file by its size.
            await CopyAtMostAsync(upload, buffer, WorkbookLimits.MaxFileBytes + 1L, cancellationToken);
        }

        Workbook = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (await OutlineAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        // The saved mapping pre-selects each field whose header this workbook has.
        Columns = Fields.ToDictionary(f => f.ToString(), f => SavedColumns().TryGetValue(f, out var h) && Headers.Contains(h) ? h : null);
        var savedFields = SavedGoalFields();
        GoalFields = FormatFields.ToDictionary(f => f.Key, f => savedFields.TryGetValue(f.Key, out var h) && Headers.Contains(h) ? h : null,
            StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string year, CancellationToken cancellationToken)
    {
        var (stop, phase, mapping) = await PrepareAsync(year, cancellationToken);
        if (stop is not null)
        {
            return stop;
        }

        Preview = await MappedWorkbookReader.PreviewAsync(new MemoryStream(bytes!), db, municipality!.Slug, Year, phase!.Key, mapping!, cancellationToken);
        return Preview.Succeeded ? Page() : Refuse([.. Preview.Errors.Select(e => e.Text)]);
    }

    public async Task<IActionResult> OnPostImportAsync(string year, CancellationToken cancellationToken)
    {
        var (stop, phase, mapping) = await PrepareAsync(year, cancellationToken);
        if (stop is not null)
        {
            return stop;
        }

        Result = await MappedWorkbookReader.ImportAsync(new MemoryStream(bytes!), db, municipality!.Slug, Year, phase!.Key, mapping!, Gate(phase!),
            cancellationToken);
        if (!Result.Succeeded)
        {
            var errors = Result.Errors.Select(e => e.Text).ToList();
            Result = null;
            return Refuse(errors);
        }

        Workbook = null;
        return Page();
    }

    private static async Task CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await from.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - total)), cancellationToken)) > 0)
        {
            await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            total += read;
        }

        to.Position = 0;
    }

    private PageResult Refuse(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private PhaseDefinition? ChosenPhase() => Phases.FirstOrDefault(p => string.Equals(p.Key, Phase, StringComparison.Ordinal));

    private byte[]? bytes;

    /// <summary>Decodes the carried workbook and reads its sheets and headers; a result when it cannot go on.</summary>
    private async Task<IActionResult?> OutlineAsync(CancellationToken cancellationToken)
    {
        try
        {
            bytes = Convert.FromBase64String(Workbook ?? "");
        }
        catch (FormatException)
        {
            bytes = null;
        }

        if (bytes is null || bytes.Length == 0)
        {
            Workbook = null;
            return Refuse([text["NoFile"]]);
        }

        var outline = await MappedWorkbookReader.OutlineAsync(new MemoryStream(bytes), Sheet, HeaderRow, cancellationToken);
        SheetNames = outline.SheetNames;
        Headers = outline.Headers;
        Sheet = outline.Sheet ?? Sheet;
        if (outline.Errors.Count > 0)
        {
            if (outline.SheetNames.Count == 0)
            {
                Workbook = null;
            }

            return Refuse([.. outline.Errors.Select(e => e.Text)]);
        }

        return null;
    }

    private ColumnMapping Mapping() => new(Sheet, HeaderRow, Fields
        .Where(f => Columns.TryGetValue(f.ToString(), out var h) && !string.IsNullOrWhiteSpace(h))
        .ToDictionary(f => f, f => Columns[f.ToString()]!))
    {
        GoalFields = FormatFields
            .Where(f => GoalFields.TryGetValue(f.Key, out var h) && !string.IsNullOrWhiteSpace(h))
            .ToDictionary(f => f.Key, f => GoalFields[f.Key]!, StringComparer.Ordinal),
    };

    private Dictionary<string, string> SavedJson() =>
        (saved is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(saved.ColumnsJson)) ?? [];

    private Dictionary<MappedField, string> SavedColumns() => SavedJson().Where(c => Enum.TryParse<MappedField>(c.Key, out _))
        .ToDictionary(c => Enum.Parse<MappedField>(c.Key), c => c.Value);

    // Goal fields are stored beside the fixed fields under a prefix, so a mapping saved before they existed still reads.
    private Dictionary<string, string> SavedGoalFields() => SavedJson()
        .Where(c => c.Key.StartsWith(ColumnMapping.GoalFieldPrefix, StringComparison.Ordinal))
        .ToDictionary(c => c.Key[ColumnMapping.GoalFieldPrefix.Length..], c => c.Value, StringComparer.Ordinal);

    private async Task SaveMappingAsync(ColumnMapping mapping, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(mapping.Columns.ToDictionary(c => c.Key.ToString(), c => c.Value)
            .Concat(mapping.GoalFields.Select(f => KeyValuePair.Create(ColumnMapping.GoalFieldPrefix + f.Key, f.Value)))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
        var record = saved is null ? null : await db.ImportColumnMappings.SingleOrDefaultAsync(m => m.Id == saved.Id, cancellationToken);
        if (record is null)
        {
            record = new ImportColumnMapping { MunicipalityId = municipality!.Id, FormatKey = formatKey!, ColumnsJson = json };
            db.ImportColumnMappings.Add(record);
        }

        record.SheetName = string.IsNullOrWhiteSpace(mapping.SheetName) ? null : mapping.SheetName;
        record.HeaderRow = mapping.HeaderRow;
        record.ColumnsJson = json;
        record.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people saving the first mapping at once, or one after another from the same start: the
            // mapping is a convenience, and the import below does not depend on what was saved.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    // Preview and import start alike: the account and year, the re-posted workbook, the phase, and the mapping saved for next time.
    private async Task<(IActionResult? Stop, PhaseDefinition? Phase, ColumnMapping? Mapping)> PrepareAsync(string year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } failure)
        {
            return (failure, null, null);
        }

        if (await OutlineAsync(cancellationToken) is { } refused)
        {
            return (refused, null, null);
        }

        if (ChosenPhase() is not { } phase)
        {
            return (Refuse([shared["Import.NoPhase"]]), null, null);
        }

        var mapping = Mapping();
        await SaveMappingAsync(mapping, cancellationToken);
        return (null, phase, mapping);
    }

    private ImportGate Gate(PhaseDefinition phase) => DraftImportGate.For(access!, municipality!, units!, workflow, phase, DraftImportGate.MappedSource, shared);

    private StaffAccess? access;
    private Municipality? municipality;
    private IReadOnlyList<OrgUnit>? units;
    private string? formatKey;
    private ImportColumnMapping? saved;

    private async Task<IActionResult?> LoadAsync(string year, CancellationToken cancellationToken)
    {
        access = await staff.AccessAsync(cancellationToken);
        municipality = await staff.MunicipalityAsync(cancellationToken);
        if (access is null || municipality is null || !AccessPolicy.CanManageFormat(access, municipality.Id))
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
        YearLabel = Wareki.FormatFiscalYear(fiscalYear);
        var format = await drafts.FormatOfYearAsync(reportingYear.Id, cancellationToken);
        Phases = format.Phases;
        FormatFields = format.GoalFields;
        formatKey = format.Key;
        units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == reportingYear.Id).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var municipalityId = municipality.Id;
        saved = await db.ImportColumnMappings.AsNoTracking()
            .SingleOrDefaultAsync(m => m.MunicipalityId == municipalityId && m.FormatKey == formatKey, cancellationToken);
        return null;
    }
}
