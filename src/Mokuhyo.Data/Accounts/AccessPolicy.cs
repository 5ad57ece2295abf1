using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Accounts;

/// <summary>What one signed-in account may do: its roles and the units it is bound to.</summary>
public sealed record StaffAccess(Guid UserId, string Name, Guid? MunicipalityId, IReadOnlySet<string> Roles,
    IReadOnlyList<UnitAssignment> Assignments)
{
    public bool IsHostAdministrator => Roles.Contains(StaffRoles.HostAdministrator);

    public bool IsAdministrator => Roles.Contains(StaffRoles.SystemAdministrator);

    public bool IsPlanning => Roles.Contains(StaffRoles.Planning) || IsAdministrator;

    /// <summary>Whether the account may see this municipality's staff pages at all (drafts included).</summary>
    public bool BelongsTo(Guid municipalityId) => MunicipalityId == municipalityId;

    public bool Has(string role) => Roles.Contains(role);
}

/// <summary>
/// The one authorization layer: pages and API ask it whether an account may read, edit, approve or
/// publish, and it answers from the account's roles and the units it is bound to. Accounts act only
/// within their own municipality.
/// </summary>
public sealed class AccessPolicy(MokuhyoDbContext db)
{
    /// <summary>Loads the account behind a signed-in principal, with its current roles and bindings.</summary>
    public async Task<StaffAccess?> LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Include(u => u.Assignments).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(cancellationToken);
        return new StaffAccess(user.Id, user.DisplayName, user.MunicipalityId, roles.ToHashSet(StringComparer.Ordinal), user.Assignments);
    }

    /// <summary>The parts an account may play for a department's report.</summary>
    public static ReportRole RolesFor(StaffAccess access, Guid municipalityId, OrgUnit department, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.BelongsTo(municipalityId))
        {
            return ReportRole.None;
        }

        if (access.IsAdministrator)
        {
            return ReportRole.Editor | ReportRole.Approver | ReportRole.Planning;
        }

        var roles = access.IsPlanning ? ReportRole.Planning : ReportRole.None;
        var above = UnitTree.SelfAndAncestors(department, units).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var within = UnitTree.SelfAndDescendants(department, units).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var assignment in access.Assignments)
        {
            if (assignment.Role == AssignmentRole.Approver && access.Has(StaffRoles.Approver) && above.Contains(assignment.UnitCode))
            {
                roles |= ReportRole.Approver;
            }

            if (assignment.Role == AssignmentRole.Editor && access.Has(StaffRoles.Editor)
                && (above.Contains(assignment.UnitCode) || within.Contains(assignment.UnitCode)))
            {
                roles |= ReportRole.Editor;
            }
        }

        return roles;
    }

    /// <summary>
    /// Whether an account may change the department's own content (its plan): editors bound to the
    /// department or above it. Editors of one division change only their division's goals.
    /// </summary>
    public static bool CanEditDepartment(StaffAccess access, Guid municipalityId, OrgUnit department, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.BelongsTo(municipalityId))
        {
            return false;
        }

        return access.IsAdministrator || EditorBoundTo(access, UnitTree.SelfAndAncestors(department, units));
    }

    /// <summary>
    /// Whether an account may fill a department's drafts from a workbook: whoever may edit the department, and
    /// the planning staff of its municipality, who import a city's existing goal sheets for every department.
    /// Where the report stands in review is the workflow's part (<c>ReportWorkflow.DecideImport</c>).
    /// </summary>
    public static bool CanImportDrafts(StaffAccess access, Guid municipalityId, OrgUnit department, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(access);
        return CanEditDepartment(access, municipalityId, department, units) || (access.BelongsTo(municipalityId) && access.IsPlanning);
    }

    /// <summary>Whether an account may change a goal: editors of the department, or of the goal's lead or shared divisions.</summary>
    public static bool CanEditGoal(StaffAccess access, Guid municipalityId, OrgUnit department, Goal goal, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (CanEditDepartment(access, municipalityId, department, units))
        {
            return true;
        }

        if (!access.BelongsTo(municipalityId))
        {
            return false;
        }

        var owners = goal.CoUnits.Select(c => c.OrgUnitId).Prepend(goal.LeadUnitId)
            .Select(id => units.FirstOrDefault(u => u.Id == id))
            .OfType<OrgUnit>()
            .SelectMany(u => UnitTree.SelfAndAncestors(u, units));
        return EditorBoundTo(access, owners);
    }

    /// <summary>Whether an account runs the yearly cycle: sets and reopens the schedule (planning staff and system administrators).</summary>
    public static bool CanManageCycle(StaffAccess access, Guid municipalityId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.BelongsTo(municipalityId) && access.IsPlanning;
    }

    /// <summary>Whether an account may read the municipality's unpublished drafts.</summary>
    public static bool CanReadDrafts(StaffAccess access, Guid municipalityId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.BelongsTo(municipalityId) && access.Roles.Count > 0;
    }

    /// <summary>Whether an account may change the municipality's format and choose a year's format version: planning staff and administrators of that city.</summary>
    public static bool CanManageFormat(StaffAccess access, Guid municipalityId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.BelongsTo(municipalityId) && access.IsPlanning;
    }

    /// <summary>Whether an account manages the instance's municipalities (list, create, edit): host administrators only.</summary>
    public static bool CanManageMunicipalities(StaffAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsHostAdministrator;
    }

    /// <summary>Whether an account may change its municipality's branding (name, emblem, colours): its planning staff and administrators.</summary>
    public static bool CanEditBranding(StaffAccess access, Guid municipalityId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.BelongsTo(municipalityId) && access.IsPlanning;
    }

    /// <summary>Whether an account may edit its municipality's higher plans (総合計画 → 施策 → 事業): planning staff and administrators.</summary>
    public static bool CanEditPolicyTree(StaffAccess access, Guid municipalityId) => CanEditBranding(access, municipalityId);

    private static bool EditorBoundTo(StaffAccess access, IEnumerable<OrgUnit> units)
    {
        if (!access.Has(StaffRoles.Editor))
        {
            return false;
        }

        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return access.Assignments.Any(a => a.Role == AssignmentRole.Editor && codes.Contains(a.UnitCode));
    }
}

/// <summary>Walks an organization tree held as a flat list.</summary>
public static class UnitTree
{
    public static IEnumerable<OrgUnit> SelfAndAncestors(OrgUnit unit, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var seen = new HashSet<Guid>();
        for (OrgUnit? current = unit; current is not null && seen.Add(current.Id); current = units.FirstOrDefault(u => u.Id == current.ParentId))
        {
            yield return current;
        }
    }

    public static IEnumerable<OrgUnit> SelfAndDescendants(OrgUnit unit, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var queue = new Queue<OrgUnit>([unit]);
        var seen = new HashSet<Guid>();
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current.Id))
            {
                continue;
            }

            yield return current;
            foreach (var child in units.Where(u => u.ParentId == current.Id))
            {
                queue.Enqueue(child);
            }
        }
    }
}
