using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Cycle;

/// <summary>Whether notifications are also sent by e-mail (only when an SMTP server is configured).</summary>
public sealed class NotificationMailOptions
{
    public bool EmailEnabled { get; set; }
}

/// <summary>The argument names notifications carry; the words around them come from the resource files.</summary>
public static class NotificationArgs
{
    public const string Year = "year";
    public const string YearLabel = "yearLabel";
    public const string Department = "department";
    public const string Phase = "phase";
    public const string Comment = "comment";
    public const string Actor = "actor";
    public const string DueDate = "dueDate";
    public const string DaysLeft = "daysLeft";
}

/// <summary>
/// Adds the notifications a workflow action or a reminder causes to the context, for the caller to save
/// in the same transaction as the action itself.
/// </summary>
public sealed class CycleNotifier(MokuhyoDbContext db, CycleRecipients recipients, NotificationMailOptions mail, TimeProvider clock)
{
    /// <summary>Tells the people a transition concerns; the one who made it is not told.</summary>
    public async Task AddForTransitionAsync(ReportState state, ReportAction action, string? comment, Guid? actorId, string actorName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (kind, parts) = action switch
        {
            ReportAction.Submit => (NotificationKind.Submitted, ReportRole.Approver),
            ReportAction.Return => (NotificationKind.Returned, ReportRole.Editor),
            ReportAction.Approve => (NotificationKind.Approved, ReportRole.Editor | ReportRole.Planning),
            ReportAction.Publish => (NotificationKind.Published, ReportRole.Editor | ReportRole.Approver),
            ReportAction.Reopen => (NotificationKind.Reopened, ReportRole.Editor | ReportRole.Approver),
            _ => ((NotificationKind)0, ReportRole.None),
        };
        if (parts == ReportRole.None)
        {
            return;
        }

        var context = await ContextOfAsync(state.DepartmentId, state.PhaseKey, cancellationToken);
        if (context is null)
        {
            return;
        }

        var args = context.Arguments();
        args[NotificationArgs.Actor] = actorName;
        if (!string.IsNullOrWhiteSpace(comment))
        {
            args[NotificationArgs.Comment] = comment;
        }

        var people = (await recipients.ForAsync(context.MunicipalityId, context.Department, context.Units, cancellationToken))
            .Where(r => (r.Roles & parts) != ReportRole.None && r.UserId != actorId);
        foreach (var person in people)
        {
            await AddAsync(context.MunicipalityId, person, kind, new Dictionary<string, string>(args, StringComparer.Ordinal), context.Link, null,
                cancellationToken);
        }
    }

    /// <summary>Adds one notification, with its e-mail pending if mail is on and the person wants this kind by e-mail.</summary>
    public async Task<Notification> AddAsync(Guid municipalityId, Recipient person, NotificationKind kind, Dictionary<string, string> args,
        string? link, string? dedupKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = clock.GetUtcNow();
        var wantsEmail = mail.EmailEnabled && !string.IsNullOrWhiteSpace(person.Email)
            && !await db.NotificationPreferences.AnyAsync(p => p.UserId == person.UserId && p.Kind == kind && !p.Email, cancellationToken);
        var notification = new Notification
        {
            MunicipalityId = municipalityId,
            RecipientId = person.UserId,
            Kind = kind,
            Arguments = args,
            Link = link,
            DedupKey = dedupKey,
            CreatedAt = now,
            EmailState = wantsEmail ? EmailState.Pending : EmailState.None,
            NextAttemptAt = wantsEmail ? now : null,
        };
        db.Notifications.Add(notification);
        return notification;
    }

    internal async Task<ReportContext?> ContextOfAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken)
    {
        var department = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == departmentId, cancellationToken);
        if (department is null)
        {
            return null;
        }

        var year = await db.ReportingYears.AsNoTracking().Include(y => y.FormatVersion).SingleAsync(y => y.Id == department.ReportingYearId, cancellationToken);
        var format = Domain.Formats.FormatJson.Parse(year.FormatVersion!.Json).Format;
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).ToListAsync(cancellationToken);
        return new ReportContext(year.MunicipalityId, year.Year, department, units, phaseKey, format?.FindPhase(phaseKey)?.Name ?? phaseKey);
    }
}

/// <summary>What a notification about one department's report in one phase names.</summary>
internal sealed record ReportContext(Guid MunicipalityId, int Year, Domain.Organization.OrgUnit Department,
    IReadOnlyList<Domain.Organization.OrgUnit> Units, string PhaseKey, string PhaseName)
{
    public string Link => string.Create(CultureInfo.InvariantCulture, $"/staff/{Year}/{Department.Code}/{PhaseKey}");

    public Dictionary<string, string> Arguments() => new(StringComparer.Ordinal)
    {
        [NotificationArgs.Year] = Year.ToString(CultureInfo.InvariantCulture),
        [NotificationArgs.YearLabel] = Wareki.FormatFiscalYear(new FiscalYear(Year)),
        [NotificationArgs.Department] = Department.Name,
        [NotificationArgs.Phase] = PhaseName,
    };
}
