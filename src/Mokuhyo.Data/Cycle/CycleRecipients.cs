using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Cycle;

/// <summary>A person who may be told something, with the parts they play for one department.</summary>
public sealed record Recipient(Guid UserId, string Name, string? Email, ReportRole Roles);

/// <summary>
/// Who plays which part for a department's report, decided by <see cref="AccessPolicy.RolesFor"/> so
/// notifications reach exactly those the policy lets act. System administrators play every part but
/// are told only through the roles they hold besides.
/// </summary>
public sealed class CycleRecipients(MokuhyoDbContext db)
{
    private readonly Dictionary<Guid, IReadOnlyList<(StaffAccess Access, string? Email)>> accounts = [];

    public async Task<IReadOnlyList<Recipient>> ForAsync(Guid municipalityId, OrgUnit department, IReadOnlyList<OrgUnit> units,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        var list = await AccountsAsync(municipalityId, cancellationToken);
        return [.. list
            .Select(a => new Recipient(a.Access.UserId, a.Access.Name, a.Email, AccessPolicy.RolesFor(a.Access, municipalityId, department, units)))
            .Where(r => r.Roles != ReportRole.None)];
    }

    /// <summary>Those who must act on a report held by <paramref name="holder"/>.</summary>
    public static IEnumerable<Recipient> Holding(IEnumerable<Recipient> recipients, ReportHolder holder) => holder switch
    {
        ReportHolder.Editors => recipients.Where(r => r.Roles.HasFlag(ReportRole.Editor)),
        ReportHolder.Approver => recipients.Where(r => r.Roles.HasFlag(ReportRole.Approver)),
        ReportHolder.Planning => recipients.Where(r => r.Roles.HasFlag(ReportRole.Planning)),
        _ => [],
    };

    private async Task<IReadOnlyList<(StaffAccess Access, string? Email)>> AccountsAsync(Guid municipalityId, CancellationToken cancellationToken)
    {
        if (accounts.TryGetValue(municipalityId, out var cached))
        {
            return cached;
        }

        var users = await db.Users.AsNoTracking().Include(u => u.Assignments)
            .Where(u => u.MunicipalityId == municipalityId)
            .ToListAsync(cancellationToken);
        // A locked account is told nothing; filtered here as SQLite cannot compare the lockout instant.
        users.RemoveAll(u => u.LockoutEnd == DateTimeOffset.MaxValue);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var list = users.Select(u => (new StaffAccess(u.Id, u.DisplayName, u.MunicipalityId,
                roles.Where(r => r.UserId == u.Id && r.Name != StaffRoles.SystemAdministrator).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal),
                u.Assignments), u.Email))
            .ToList();
        accounts[municipalityId] = list;
        return list;
    }
}
