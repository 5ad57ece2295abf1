using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Web.Pages.Staff.Cycle;

/// <summary>One department's report in one phase as the progress board shows it.</summary>
public sealed record BoardRow(OrgUnit Department, PhaseDefinition Phase, ReportStatus Status, int Revision, DateOnly? DueDate, int DaysLate,
    int? DaysLeft, ReportHolder Holder, IReadOnlyList<string> HolderNames, DateTimeOffset? ChangedAt, string? ChangedBy, ReportRole MyRoles);

/// <summary>
/// Where every department's report stands in a phase, judged against the phase's calendar: the
/// board, its exports and each user's own page are all made from these rows.
/// </summary>
public sealed class CycleBoard(MokuhyoDbContext db, CycleRecipients recipients, TimeProvider clock)
{
    public DateOnly Today => JapanTime.Today(clock);

    public async Task<IReadOnlyList<BoardRow>> RowsAsync(StaffAccess access, Guid municipalityId, Guid reportingYearId, PhaseDefinition phase,
        PhaseDeadline? deadline, IReadOnlyList<OrgUnit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var states = await db.ReportStates.AsNoTracking()
            .Where(s => s.ReportingYearId == reportingYearId && s.PhaseKey == phase.Key)
            .ToDictionaryAsync(s => s.DepartmentId, cancellationToken);
        var today = Today;
        var rows = new List<BoardRow>();
        foreach (var department in units.Where(u => u.IsReportingUnit))
        {
            var state = states.GetValueOrDefault(department.Id);
            var status = state?.Status ?? ReportStatus.NotStarted;
            var due = deadline is null ? null : PhaseCalendar.DueDateOf(status, deadline.SubmitBy, deadline.ApproveBy, deadline.PublishOn);
            var holder = PhaseCalendar.HolderOf(status);
            var people = await recipients.ForAsync(municipalityId, department, units, cancellationToken);
            rows.Add(new BoardRow(department, phase, status, state?.Revision ?? 1, due,
                due is { } d ? PhaseCalendar.DaysLate(d, today) : 0,
                due is { } l ? PhaseCalendar.DaysLeft(l, today) : null,
                holder, [.. CycleRecipients.Holding(people, holder).Select(p => p.Name)],
                state is { ChangedAt: var at } && at != default ? at : null, state?.ChangedBy, AccessPolicy.RolesFor(access, municipalityId, department, units)));
        }

        return rows;
    }

    /// <summary>Sorts and filters by the board's GET parameters, so it works without script.</summary>
    public static IReadOnlyList<BoardRow> Apply(IReadOnlyList<BoardRow> rows, BoardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<BoardRow> result = rows;
        if (query.StatusFilter is { } status)
        {
            result = result.Where(r => r.Status == status);
        }

        if (query.LateOnly)
        {
            result = result.Where(r => r.DaysLate > 0);
        }

        var ordered = query.Sort switch
        {
            "status" => Order(result, r => (int)r.Status, query.Descending),
            "due" => Order(result, r => r.DueDate ?? DateOnly.MaxValue, query.Descending),
            "late" => Order(result, r => r.DaysLate, query.Descending),
            "changed" => Order(result, r => r.ChangedAt ?? DateTimeOffset.MinValue, query.Descending),
            _ => Order(result, r => r.Department.SortOrder, query.Descending),
        };
        return [.. ordered.ThenBy(r => r.Department.SortOrder)];
    }

    private static IOrderedEnumerable<BoardRow> Order<TKey>(IEnumerable<BoardRow> rows, Func<BoardRow, TKey> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
}

/// <summary>The board's GET parameters: <c>sort</c> (department, status, due, late, changed), <c>dir</c>, <c>status</c>, <c>late</c>.</summary>
public sealed record BoardQuery(string Sort, bool Descending, ReportStatus? StatusFilter, bool LateOnly)
{
    public static IReadOnlyList<string> SortKeys { get; } = ["department", "status", "due", "late", "changed"];

    public static BoardQuery From(string? sort, string? dir, string? status, bool late) => new(
        sort is not null && SortKeys.Contains(sort) ? sort : "department",
        string.Equals(dir, "desc", StringComparison.Ordinal),
        Enum.TryParse<ReportStatus>(status, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : null,
        late);
}
