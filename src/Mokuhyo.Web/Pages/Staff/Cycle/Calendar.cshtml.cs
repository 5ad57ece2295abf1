using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Years;

namespace Mokuhyo.Web.Pages.Staff.Cycle;

/// <summary>The dates of one phase as the form posts them: ISO dates, and the version the page showed.</summary>
public sealed class PhaseDatesInput
{
    public string? Phase { get; set; }

    public string? OpensOn { get; set; }

    public string? SubmitBy { get; set; }

    public string? ApproveBy { get; set; }

    public string? PublishOn { get; set; }

    public long? Version { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The schedule of a fiscal year: each phase's dates, set by planning staff, read by everyone.</summary>
public sealed class CalendarModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, PhaseCalendarService calendar,
    IStringLocalizer<CycleText> text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PhaseDatesInput Input { get; set; } = new();

    public YearScope? Scope { get; private set; }

    public IReadOnlyList<PhaseDeadline> Deadlines { get; private set; } = [];

    public bool CanManage { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The phase whose form was posted and refused, shown with what was typed.</summary>
    public string? FailedPhase { get; private set; }

    public DateOnly Today => JapanTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(string year, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done switch
        {
            "saved" => text["Calendar.Saved"].Value,
            "reopened" => text["Calendar.Reopened"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (Scope!.Format.FindPhase(Input.Phase ?? "") is not { } phase)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Calendar.UnknownPhase"]);
        }

        FailedPhase = phase.Key;
        var opens = ParseDate(Input.OpensOn, "Calendar.OpensOn");
        var submit = ParseDate(Input.SubmitBy, "Calendar.SubmitBy");
        var approve = ParseDate(Input.ApproveBy, "Calendar.ApproveBy");
        var publish = ParseDate(Input.PublishOn, "Calendar.PublishOn");
        if (opens is null || submit is null || approve is null || publish is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await calendar.SaveAsync(Scope.Year.Id, Scope.Year.FiscalYear, phase.Key,
            new PhaseDates(opens.Value, submit.Value, approve.Value, publish.Value), Input.Version, Scope.Access.Name, cancellationToken);
        return await OutcomeAsync(result, "saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(string year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (Scope!.Format.FindPhase(Input.Phase ?? "") is not { } phase || Input.Version is not { } version)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Calendar.UnknownPhase"]);
        }

        FailedPhase = phase.Key;
        var result = await calendar.ReopenAsync(Scope.Year.Id, phase.Key, Input.Reason, version, Scope.Access.Name, cancellationToken);
        return await OutcomeAsync(result, "reopened", cancellationToken);
    }

    public PhaseDeadline? DeadlineOf(string phaseKey) => Deadlines.FirstOrDefault(d => string.Equals(d.PhaseKey, phaseKey, StringComparison.Ordinal));

    /// <summary>The value a date field shows: what was typed when this phase's form was refused, else the stored date.</summary>
    public string? FieldValue(string phaseKey, string? typed, DateOnly? stored) =>
        FailedPhase == phaseKey ? typed : stored?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IActionResult> OutcomeAsync(CalendarResult result, string done, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case CalendarOutcome.Saved:
                return Redirect($"/staff/cycle/{Scope!.Year.Year}/calendar?done={done}#phase-{Input.Phase}");
            case CalendarOutcome.Conflict:
                FailedPhase = null;
                Deadlines = await calendar.ListAsync(Scope!.Year.Id, cancellationToken);
                return Refuse(StatusCodes.Status409Conflict, text["Calendar.Conflict"]);
            default:
                foreach (var problem in result.Problems)
                {
                    ModelState.AddModelError(string.Empty, text["Calendar.Problem." + problem]);
                }

                Response.StatusCode = result.Problems.Contains(CalendarProblem.Locked) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return Page();
        }
    }

    private PageResult Refuse(int status, string message)
    {
        Message = message;
        Response.StatusCode = status;
        return Page();
    }

    private DateOnly? ParseDate(string? value, string labelKey)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(string.Empty, text["Calendar.Error.Date", text[labelKey].Value]);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(string year, CancellationToken cancellationToken)
    {
        Scope = await YearScope.LoadAsync(staff, db, drafts, year, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        CanManage = AccessPolicy.CanManageCycle(Scope.Access, Scope.Access.MunicipalityId!.Value);
        Deadlines = await calendar.ListAsync(Scope.Year.Id, cancellationToken);
        return null;
    }
}
