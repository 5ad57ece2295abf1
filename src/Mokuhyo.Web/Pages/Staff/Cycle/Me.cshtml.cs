using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Cycle;

/// <summary>A failed e-mail as planning staff see it.</summary>
public sealed record FailedMail(Notification Notification, string Recipient);

/// <summary>
/// The signed-in person's own page: the reports waiting for them (to write, to fix, to approve, to
/// publish), most urgent first; their notifications with mark-as-read; which kinds come by e-mail.
/// </summary>
public sealed class MeModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, CycleBoard board, NotificationMailOptions mail,
    IStringLocalizer<CycleText> text) : PageModel
{
    private const int ShownNotifications = 50;

    public StaffAccess? Access { get; private set; }

    public IReadOnlyList<BoardRow> Waiting { get; private set; } = [];

    public int? Year { get; private set; }

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public IReadOnlySet<NotificationKind> EmailOff { get; private set; } = new HashSet<NotificationKind>();

    public IReadOnlyList<FailedMail> Failed { get; private set; } = [];

    public bool EmailEnabled => mail.EmailEnabled;

    public string? Message { get; private set; }

    public static IReadOnlyList<NotificationKind> Kinds { get; } = Enum.GetValues<NotificationKind>();

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done == "preferences" ? text["Me.PreferencesSaved"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid? id, CancellationToken cancellationToken)
    {
        Access = await staff.AccessAsync(cancellationToken);
        if (Access is null)
        {
            return Forbid();
        }

        var now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // Only the person's own notifications: another's id matches nothing.
        await db.Notifications.Where(n => n.RecipientId == Access.UserId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Redirect("/staff/me#notifications");
    }

    public async Task<IActionResult> OnPostPreferencesAsync(List<NotificationKind> email, CancellationToken cancellationToken)
    {
        Access = await staff.AccessAsync(cancellationToken);
        if (Access is null)
        {
            return Forbid();
        }

        var wanted = (email ?? []).Where(Enum.IsDefined).ToHashSet();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.NotificationPreferences.Where(p => p.UserId == Access.UserId).ExecuteDeleteAsync(cancellationToken);
            db.NotificationPreferences.AddRange(Kinds.Where(k => !wanted.Contains(k))
                .Select(k => new NotificationPreference { UserId = Access.UserId, Kind = k, Email = false }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return Redirect("/staff/me?done=preferences#preferences");
    }

    public string TaskOf(BoardRow row) => text[(row?.Holder, row?.Status) switch
    {
        (ReportHolder.Editors, ReportStatus.Returned) => "Me.Task.Fix",
        (ReportHolder.Editors, _) => "Me.Task.Write",
        (ReportHolder.Approver, _) => "Me.Task.Approve",
        _ => "Me.Task.Publish",
    }];

    public string LeftOf(BoardRow row) => row?.DaysLeft switch
    {
        null => "",
        < 0 and var late => text["Me.Late", -late],
        0 => text["Me.DueToday"],
        var left => text["Me.DaysLeft", left],
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Access = await staff.AccessAsync(cancellationToken);
        if (Access is null)
        {
            return Forbid();
        }

        Notifications = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == Access.UserId)
            .OrderByDescending(n => n.CreatedAt).Take(ShownNotifications).ToListAsync(cancellationToken);
        EmailOff = (await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == Access.UserId && !p.Email)
            .Select(p => p.Kind).ToListAsync(cancellationToken)).ToHashSet();
        if (Access.MunicipalityId is not { } municipalityId || !AccessPolicy.CanReadDrafts(Access, municipalityId))
        {
            return null;
        }

        if (AccessPolicy.CanManageCycle(Access, municipalityId))
        {
            var failed = await db.Notifications.AsNoTracking()
                .Where(n => n.MunicipalityId == municipalityId && n.EmailState == EmailState.Failed)
                .OrderByDescending(n => n.CreatedAt).Take(ShownNotifications).ToListAsync(cancellationToken);
            var ids = failed.Select(n => n.RecipientId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} <{u.Email}>", cancellationToken);
            Failed = [.. failed.Select(n => new FailedMail(n, names.GetValueOrDefault(n.RecipientId, "")))];
        }

        var year = await db.ReportingYears.AsNoTracking().Where(y => y.MunicipalityId == municipalityId)
            .OrderByDescending(y => y.Year).FirstOrDefaultAsync(cancellationToken);
        if (year is null)
        {
            return null;
        }

        Year = year.Year;
        var format = await drafts.FormatOfYearAsync(year.Id, cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        var today = board.Today;
        var deadlines = await db.PhaseDeadlines.AsNoTracking().Where(d => d.ReportingYearId == year.Id && d.OpensOn <= today).ToListAsync(cancellationToken);
        var waiting = new List<BoardRow>();
        foreach (var deadline in deadlines)
        {
            if (format.FindPhase(deadline.PhaseKey) is not { } phase)
            {
                continue;
            }

            var rows = await board.RowsAsync(Access, municipalityId, year.Id, phase, deadline, units, cancellationToken);
            waiting.AddRange(rows.Where(r => r.Holder switch
            {
                ReportHolder.Editors => r.MyRoles.HasFlag(ReportRole.Editor),
                ReportHolder.Approver => r.MyRoles.HasFlag(ReportRole.Approver),
                ReportHolder.Planning => r.MyRoles.HasFlag(ReportRole.Planning),
                _ => false,
            }));
        }

        Waiting = [.. waiting.OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.Department.SortOrder)];
        return null;
    }
}
