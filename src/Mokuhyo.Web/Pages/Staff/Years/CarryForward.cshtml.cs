using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Years;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Years;

/// <summary>
/// Carrying last year's goals into a new year: each division ticks the goals it continues, and they
/// are copied with their targets (never their results) into the department's report.
/// </summary>
public sealed class CarryForwardModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, GoalCarryForward carry,
    IStringLocalizer<AdminText> text, ILogger<CarryForwardModel> logger) : PageModel
{
    [BindProperty]
    public List<Guid> Goals { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    public YearScope? Scope { get; private set; }

    public CarryForwardPlan? Plan { get; private set; }

    public IReadOnlyList<CarryCandidate> Shown { get; private set; } = [];

    public IReadOnlyDictionary<Guid, CarryBlock> Problems { get; private set; } = new Dictionary<Guid, CarryBlock>();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, int? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done is { } count ? text["Carry.Done", count].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Goals.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = text["Carry.NothingChosen"];
            return Page();
        }

        var result = await carry.CarryAsync(Scope!.Year, Scope.Access, Goals, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("{Count} goal(s) carried into {Year} by {Name}", result.Carried.Count, Scope.Year.Year, Scope.Access.Name);
            var query = string.IsNullOrEmpty(Department) ? "" : $"&department={Uri.EscapeDataString(Department)}";
            return Redirect($"/staff/years/{Scope.Year.Year}/carry-forward?done={result.Carried.Count}{query}");
        }

        await LoadAsync(year, cancellationToken);
        Problems = result.Problems.GroupBy(p => p.GoalId).ToDictionary(g => g.Key, g => g.First().Block);
        Response.StatusCode = result.Problems.Any(p => p.Block == CarryBlock.Conflict) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        Message = text["Carry.Failed"];
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string year, CancellationToken cancellationToken)
    {
        Scope = await YearScope.LoadAsync(staff, db, drafts, year, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        Plan = await carry.PlanAsync(Scope.Year, Scope.Access, cancellationToken);
        Shown = string.IsNullOrEmpty(Department)
            ? Plan.Candidates
            : [.. Plan.Candidates.Where(c => string.Equals((c.Department ?? c.PreviousDepartment).Code, Department, StringComparison.Ordinal))];
        return null;
    }
}
