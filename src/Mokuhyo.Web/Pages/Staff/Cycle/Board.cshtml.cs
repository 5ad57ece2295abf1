using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Documents;
using Mokuhyo.Documents.Tables;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Years;

namespace Mokuhyo.Web.Pages.Staff.Cycle;

/// <summary>The progress board of a phase: every department's state, due date, lateness and holder; sortable, filterable, exportable.</summary>
public sealed class BoardModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, CycleBoard board,
    IStringLocalizer<CycleText> text, IStringLocalizer<SharedResource> shared) : PageModel
{
    public YearScope? Scope { get; private set; }

    public PhaseDefinition? Phase { get; private set; }

    public PhaseDeadline? Deadline { get; private set; }

    public BoardQuery Query { get; private set; } = BoardQuery.From(null, null, null, false);

    public IReadOnlyList<BoardRow> AllRows { get; private set; } = [];

    public IReadOnlyList<BoardRow> Rows { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, string phase, string? sort, string? dir, string? status, bool late,
        string? export, CancellationToken cancellationToken)
    {
        Scope = await YearScope.LoadAsync(staff, db, drafts, year, cancellationToken);
        Phase = Scope?.Format.FindPhase(phase);
        if (Scope is null || Phase is null)
        {
            return NotFound();
        }

        var municipalityId = Scope.Access.MunicipalityId!.Value;
        CanManage = AccessPolicy.CanManageCycle(Scope.Access, municipalityId);
        Deadline = await db.PhaseDeadlines.AsNoTracking()
            .SingleOrDefaultAsync(d => d.ReportingYearId == Scope.Year.Id && d.PhaseKey == Phase.Key, cancellationToken);
        Query = BoardQuery.From(sort, dir, status, late);
        AllRows = await board.RowsAsync(Scope.Access, municipalityId, Scope.Year.Id, Phase, Deadline, Scope.Units, cancellationToken);
        Rows = CycleBoard.Apply(AllRows, Query);
        return export switch
        {
            null or "" => Page(),
            "csv" => await ExportAsync(csv: true, cancellationToken),
            "xlsx" => await ExportAsync(csv: false, cancellationToken),
            _ => BadRequest(),
        };
    }

    public int Count(ReportStatus status) => AllRows.Count(r => r.Status == status);

    public string HolderText(BoardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var role = text["Holder." + row.Holder].Value;
        return row.HolderNames.Count == 0 || row.Holder == ReportHolder.None ? role : $"{role}({string.Join("、", row.HolderNames)})";
    }

    public string ChangedText(BoardRow row) =>
        row?.ChangedAt is { } at ? Wareki.FormatDate(JapanTime.DateOfInstant(at)) + " " + TimeZoneInfo.ConvertTime(at, JapanTime.Zone).ToString("HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>The address of this board with one parameter changed, keeping the others.</summary>
    public string Link(string? sort = null, string? dir = null, string? status = null, bool? late = null, string? export = null)
    {
        var query = new List<string>();
        var s = sort ?? Query.Sort;
        if (s != "department")
        {
            query.Add("sort=" + s);
        }

        if ((dir ?? (Query.Descending ? "desc" : "asc")) == "desc")
        {
            query.Add("dir=desc");
        }

        if ((status ?? Query.StatusFilter?.ToString()) is { Length: > 0 } st)
        {
            query.Add("status=" + st);
        }

        if (late ?? Query.LateOnly)
        {
            query.Add("late=true");
        }

        if (export is not null)
        {
            query.Add("export=" + export);
        }

        var path = $"/staff/cycle/{Scope!.Year.Year}/{Phase!.Key}";
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    /// <summary>The column's sort link: ascending first, descending when it is already sorted ascending.</summary>
    public string SortLink(string key) => Link(sort: key, dir: Query.Sort == key && !Query.Descending ? "desc" : "asc");

    private async Task<IActionResult> ExportAsync(bool csv, CancellationToken cancellationToken)
    {
        string[] headings =
        [
            text["Board.Col.Department"], text["Board.Col.Status"], text["Board.Col.DueDate"], text["Board.Col.DaysLate"],
            text["Board.Col.Holder"], text["Board.Col.LastChange"], text["Board.Col.ChangedBy"],
        ];
        var rows = Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Department.Name, shared["Status." + r.Status].Value,
            r.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DaysLate, HolderText(r),
            r.ChangedAt is { } at ? TimeZoneInfo.ConvertTime(at, JapanTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
            r.ChangedBy,
        ]).ToList();
        var name = string.Create(CultureInfo.InvariantCulture, $"progress_{Scope!.Year.Year}_{Phase!.Key}");
        using var buffer = new MemoryStream();
        if (csv)
        {
            await TableFile.WriteCsvAsync(headings, rows, buffer, cancellationToken);
            return File(buffer.ToArray(), MediaTypes.Csv + "; charset=utf-8", name + ".csv");
        }

        TableFile.WriteXlsx(text["Board.SheetName"], headings, rows, buffer);
        return File(buffer.ToArray(), MediaTypes.Xlsx, name + ".xlsx");
    }
}
