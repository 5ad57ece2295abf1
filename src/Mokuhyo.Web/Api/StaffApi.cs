using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Api;

/// <summary>
/// Endpoints for staff automation under /api/v1/staff: drafts, the review workflow and indicator
/// actuals. Callers sign in with a personal access token (or the staff cookie); what they may do is
/// decided by <see cref="AccessPolicy"/>, as on the pages.
/// </summary>
public static class StaffApi
{
    private const string Department = "/years/{year}/departments/{department}";

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(StaffApiAuthentication.PathPrefix)
            .WithTags("Staff")
            .RequireAuthorization(StaffApiAuthentication.ReadPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet(Department + "/phases/{phase}/draft", GetDraft)
            .WithName("GetStaffDraftReport")
            .WithSummary("The department's report in a phase as it stands now, drafts included: what publication would show.");

        api.MapGet(Department + "/phases/{phase}/state", GetState)
            .WithName("GetStaffReportState")
            .WithSummary("Where the department's report of a phase stands in review, its version, and the actions the caller may take.");

        api.MapPost(Department + "/phases/{phase}/transitions", PostTransition)
            .RequireAuthorization(StaffApiAuthentication.WritePolicy)
            .Accepts<TransitionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("TransitionStaffReport")
            .WithSummary("Submits, returns, approves, publishes or reopens the report, with a comment; version is the state's version the caller saw.");

        api.MapPut(Department + "/goals/{number:int}/indicators/{ordinal:int}/actuals/{phase}", PutActual)
            .RequireAuthorization(StaffApiAuthentication.WritePolicy)
            .Accepts<ActualRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutStaffIndicatorActual")
            .WithSummary("Sets what an indicator reached in a phase (value and as-of date, or a milestone's done date); version is the actual's version the caller saw, 0 for none yet.");

        return app;
    }

    private static async Task<Results<Ok<DepartmentReport>, ProblemHttpResult>> GetDraft(string year, string department, string phase,
        StaffContext staff, DraftReports drafts, ReportWorkflowService workflow, TimeProvider clock, IStringLocalizer<AdminText> text,
        CancellationToken ct)
    {
        var (scope, phaseDefinition, problem) = await ResolveAsync(year, department, phase, staff, drafts, text, ct);
        if (problem is not null)
        {
            return problem;
        }

        var state = await workflow.GetStateAsync(scope!.Department.Id, phaseDefinition!.Key, ct);
        return TypedResults.Ok(await drafts.BuildAsync(scope.Department.Id, phaseDefinition.Key, state.Revision, clock.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<ReportStateDto>, ProblemHttpResult>> GetState(string year, string department, string phase,
        StaffContext staff, DraftReports drafts, ReportWorkflowService workflow, IStringLocalizer<AdminText> text,
        IStringLocalizer<SharedResource> shared, CancellationToken ct)
    {
        var (scope, phaseDefinition, problem) = await ResolveAsync(year, department, phase, staff, drafts, text, ct);
        if (problem is not null)
        {
            return problem;
        }

        var state = await workflow.GetStateAsync(scope!.Department.Id, phaseDefinition!.Key, ct);
        return TypedResults.Ok(ReportStateDto.From(scope, state, shared));
    }

    private static async Task<Results<Ok<ReportStateDto>, ProblemHttpResult>> PostTransition(string year, string department, string phase,
        HttpRequest request, StaffContext staff, DraftReports drafts, ReportWorkflowService workflow, IStringLocalizer<AdminText> text,
        IStringLocalizer<SharedResource> shared, CancellationToken ct)
    {
        var (scope, phaseDefinition, problem) = await ResolveAsync(year, department, phase, staff, drafts, text, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (body, bodyProblem) = await ReadAsync<TransitionRequest>(request, text, ct);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var action = ParseAction(body!.Action);
        if (action is null)
        {
            errors["action"] = [text["Api.Error.Action"]];
        }

        if (body.Version is not { } version || version < 0)
        {
            errors["version"] = [text["Api.Error.Version"]];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors, text);
        }

        var result = await workflow.TransitionAsync(scope!.Department.Id, phaseDefinition!.Key, action!.Value, scope.Roles, body.Comment,
            body.Version, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(ReportStateDto.From(scope, result.State, shared));
        }

        if (result.Conflict)
        {
            return Conflict(text, result.State.Version);
        }

        if (result.Missing.Count > 0)
        {
            // Which goal lacks which of the format's required fields, so a client can point at them.
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: text["Api.Refused.Title"],
                detail: shared["Refusal." + result.Refusal],
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["missingFields"] = result.Missing.Select(m => new { goal = m.GoalNumber, field = m.FieldKey, label = m.Label }).ToList(),
                });
        }

        return Refused(result.Refusal, result.State.Status, action.Value, text, shared);
    }

    private static async Task<Results<Ok<ActualDto>, ProblemHttpResult>> PutActual(string year, string department, int number, int ordinal,
        string phase, HttpRequest request, StaffContext staff, DraftReports drafts, ReportWorkflowService workflow, MokuhyoDbContext db,
        IStringLocalizer<AdminText> text, IStringLocalizer<SharedResource> shared, CancellationToken ct)
    {
        var (scope, phaseDefinition, problem) = await ResolveAsync(year, department, phase, staff, drafts, text, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (body, bodyProblem) = await ReadAsync<ActualRequest>(request, text, ct);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var goal = await db.Goals.Include(g => g.CoUnits).Include(g => g.Indicators).ThenInclude(i => i.Actuals)
            .AsSplitQuery().SingleOrDefaultAsync(g => g.DepartmentId == scope!.Department.Id && g.Number == number, ct);
        var indicator = goal?.Indicators.FirstOrDefault(i => i.Ordinal == ordinal);
        if (goal is null || indicator is null)
        {
            return NotFound(text);
        }

        if (!AccessPolicy.CanEditGoal(scope!.Access, scope.MunicipalityId, scope.Department, goal, scope.Units))
        {
            return Forbidden(text, "Api.Forbidden.Goal");
        }

        var errors = CheckActual(body!, scope.Year.FiscalYear, text);
        if (errors.Count > 0)
        {
            return Invalid(errors, text);
        }

        var begun = await workflow.BeginEditAsync(scope.Department.Id, phaseDefinition!.Key, scope.Roles, ct);
        if (!begun.Succeeded)
        {
            return Refused(begun.Refusal, begun.State.Status, ReportAction.Edit, text, shared);
        }

        var version = body!.Version!.Value;
        var actual = indicator.Actuals.FirstOrDefault(a => string.Equals(a.PhaseKey, phaseDefinition.Key, StringComparison.Ordinal));
        if (actual is null)
        {
            if (version != 0)
            {
                return Conflict(text, 0);
            }

            actual = new IndicatorActual { IndicatorId = indicator.Id, PhaseKey = phaseDefinition.Key };
            db.IndicatorActuals.Add(actual);
        }
        else
        {
            if (actual.Version != version)
            {
                return Conflict(text, actual.Version);
            }

            // The version the caller saw is the one the UPDATE must match.
            db.Entry(actual).Property(a => a.Version).OriginalValue = version;
        }

        actual.Value = body.Value;
        actual.AsOf = body.AsOf;
        actual.DoneDate = body.DoneDate;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            var current = await db.IndicatorActuals.AsNoTracking()
                .Where(a => a.IndicatorId == indicator.Id && a.PhaseKey == phaseDefinition.Key).Select(a => (long?)a.Version).SingleOrDefaultAsync(ct);
            return Conflict(text, current ?? 0);
        }

        return TypedResults.Ok(new ActualDto(goal.Number, indicator.Ordinal, phaseDefinition.Key, actual.Value, actual.AsOf, actual.DoneDate, actual.Version));
    }

    private static async Task<(DepartmentScope? Scope, PhaseDefinition? Phase, ProblemHttpResult? Problem)> ResolveAsync(string year, string department,
        string phase, StaffContext staff, DraftReports drafts, IStringLocalizer<AdminText> text, CancellationToken ct)
    {
        if (!FiscalYear.TryParse(year, out _) || !OrgUnit.IsValidCode(department) || !OrgUnit.IsValidCode(phase))
        {
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Api.BadRequest.Title"],
                detail: text["Api.BadRequest.Route"]));
        }

        var scope = await staff.DepartmentAsync(year, department, ct);
        if (scope is null)
        {
            return (null, null, NotFound(text));
        }

        var definition = (await drafts.FormatOfYearAsync(scope.Year.Id, ct)).FindPhase(phase);
        return definition is null ? (null, null, NotFound(text)) : (scope, definition, null);
    }

    /// <summary>Reads a JSON body, answering malformed input with a problem instead of an exception.</summary>
    private static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, IStringLocalizer<AdminText> text, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: text["Api.BadRequest.Title"],
                detail: text["Api.BadRequest.ContentType"]));
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(ct);
            return body is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Api.BadRequest.Title"], detail: text["Api.BadRequest.Body"]))
                : (body, null);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Api.BadRequest.Title"], detail: text["Api.BadRequest.Body"]));
        }
    }

    private static ReportAction? ParseAction(string? action) => action switch
    {
        "submit" => ReportAction.Submit,
        "return" => ReportAction.Return,
        "approve" => ReportAction.Approve,
        "publish" => ReportAction.Publish,
        "reopen" => ReportAction.Reopen,
        _ => null,
    };

    // An actual is stored with four decimal places in eighteen digits.
    private const decimal MaxValue = 99_999_999_999_999m;

    private static Dictionary<string, string[]> CheckActual(ActualRequest body, FiscalYear year, IStringLocalizer<AdminText> text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Version is not { } version || version < 0)
        {
            errors["version"] = [text["Api.Error.Version"]];
        }

        if (body.Value is { } value && (Math.Abs(value) > MaxValue || value.Scale > 4))
        {
            errors["value"] = [text["Api.Error.Value"]];
        }

        // A date far from the fiscal year is a typing mistake, not a measurement.
        var earliest = year.FirstDay.AddYears(-1);
        var latest = year.LastDay.AddYears(1);
        if (body.AsOf is { } asOf && (asOf < earliest || asOf > latest))
        {
            errors["asOf"] = [text["Api.Error.Date", earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]];
        }

        if (body.DoneDate is { } done && (done < earliest || done > latest))
        {
            errors["doneDate"] = [text["Api.Error.Date", earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]];
        }

        return errors;
    }

    private static ProblemHttpResult Refused(TransitionRefusal refusal, ReportStatus status, ReportAction action, IStringLocalizer<AdminText> text,
        IStringLocalizer<SharedResource> shared) => refusal switch
    {
        TransitionRefusal.NotPermitted => Forbidden(text, "Api.Forbidden.Workflow"),
        TransitionRefusal.IllegalTransition => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: text["Api.Refused.Title"],
            detail: action == ReportAction.Edit
                ? text["Api.Refused.Locked", shared["Status." + status]]
                : text["Api.Refused.Illegal", shared["Status." + status], shared["Action." + action]],
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reportStatus"] = status }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: text["Api.Refused.Title"],
            detail: shared["Refusal." + refusal]),
    };

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors, IStringLocalizer<AdminText> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Api.Invalid.Title"], detail: text["Api.Invalid.Detail"],
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });

    private static ProblemHttpResult Conflict(IStringLocalizer<AdminText> text, long currentVersion) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Api.Conflict.Title"], detail: text["Api.Conflict.Detail"],
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentVersion"] = currentVersion });

    private static ProblemHttpResult Forbidden(IStringLocalizer<AdminText> text, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Api.Forbidden.Title"], detail: text[detail]);

    private static ProblemHttpResult NotFound(IStringLocalizer<AdminText> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Api.NotFound.Title"], detail: text["Api.NotFound.Detail"]);
}

/// <summary>A workflow transition asked of the staff API.</summary>
/// <param name="Action">submit, return, approve, publish or reopen.</param>
/// <param name="Comment">Required to return and to reopen.</param>
/// <param name="Version">The state's version the caller saw (from GET …/state).</param>
public sealed record TransitionRequest(string? Action, string? Comment, long? Version);

/// <summary>An indicator's actual for one phase.</summary>
/// <param name="Value">The value reached.</param>
/// <param name="AsOf">The date the value was measured.</param>
/// <param name="DoneDate">A milestone's completion date.</param>
/// <param name="Version">The actual's version the caller saw; 0 when it has none yet.</param>
public sealed record ActualRequest(decimal? Value, DateOnly? AsOf, DateOnly? DoneDate, long? Version);

public sealed record ActualDto(int Goal, int Indicator, string Phase, decimal? Value, DateOnly? AsOf, DateOnly? DoneDate, long Version);

/// <summary>A report's review state as the staff API reports it.</summary>
public sealed record ReportStateDto(string Department, int Year, string Phase, ReportStatus Status, string StatusLabel, int Revision,
    int? PublishedRevision, long Version, DateTimeOffset? ChangedAt, string? ChangedBy, IReadOnlyList<ReportAction> AllowedActions)
{
    internal static ReportStateDto From(DepartmentScope scope, ReportState state, IStringLocalizer<SharedResource> shared) => new(
        scope.Department.Code, scope.Year.Year, state.PhaseKey, state.Status, shared["Status." + state.Status], state.Revision,
        state.PublishedRevision, state.Version, state.ChangedBy is null ? null : state.ChangedAt, state.ChangedBy,
        [.. Enum.GetValues<ReportAction>()
            .Where(a => a != ReportAction.Edit && ReportWorkflow.Decide(state.Status, a, scope.Roles, "-").Allowed)]);
}
