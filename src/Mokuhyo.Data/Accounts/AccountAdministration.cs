using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Audit;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Accounts;

/// <summary>A unit binding as entered: the unit's code and the part the account plays for it.</summary>
public sealed record Binding(string UnitCode, AssignmentRole Role);

/// <summary>What an administrator sets on an account.</summary>
public sealed record AccountChanges(string DisplayName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<Binding> Bindings);

/// <summary>A unit an account can be bound to: its code and its name in the latest year that has it.</summary>
public sealed record UnitChoice(string Code, string Name);

/// <summary>
/// Account administration: system administrators manage the accounts of their own municipality, a
/// host administrator those of every municipality. Each change is one transaction and is recorded in
/// the audit trail.
/// </summary>
public sealed class AccountAdministration(MokuhyoDbContext db, UserManager<StaffUser> users, ICurrentActor actor, TimeProvider clock)
{
    public const string CreatedAction = "account-created";
    public const string ChangedAction = "account-changed";
    public const string LockedAction = "account-locked";
    public const string UnlockedAction = "account-unlocked";
    public const string PasswordResetAction = "password-reset";

    /// <summary>Whether an account administers accounts at all.</summary>
    public static bool IsAccountAdministrator(StaffAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsHostAdministrator || (access.IsAdministrator && access.MunicipalityId is not null);
    }

    /// <summary>The accounts an administrator may see and change.</summary>
    public IQueryable<StaffUser> VisibleTo(StaffAccess admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (admin.IsHostAdministrator)
        {
            return db.Users;
        }

        return admin.IsAdministrator && admin.MunicipalityId is { } municipalityId
            ? db.Users.Where(u => u.MunicipalityId == municipalityId)
            : db.Users.Where(_ => false);
    }

    /// <summary>Whether an administrator may create accounts in a municipality.</summary>
    public static bool MayManage(StaffAccess admin, Guid municipalityId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return admin.IsHostAdministrator || (admin.IsAdministrator && admin.MunicipalityId == municipalityId);
    }

    /// <summary>The roles an administrator may hand out: only a host administrator makes another.</summary>
    public static IReadOnlyList<string> AssignableRoles(StaffAccess admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return [.. StaffRoles.All.Where(r => admin.IsHostAdministrator || r != StaffRoles.HostAdministrator)];
    }

    public async Task<StaffUser?> FindAsync(StaffAccess admin, Guid id, CancellationToken cancellationToken = default) =>
        await VisibleTo(admin).Include(u => u.Assignments).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<Dictionary<Guid, List<string>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where userIds.Contains(ur.UserId)
                          select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The units of a municipality, over all its years, by code, named as in the latest year that has them.</summary>
    public async Task<IReadOnlyList<UnitChoice>> UnitChoicesAsync(Guid municipalityId, CancellationToken cancellationToken = default)
    {
        var units = await (from u in db.OrgUnits
                           join y in db.ReportingYears on u.ReportingYearId equals y.Id
                           where y.MunicipalityId == municipalityId
                           orderby y.Year descending, u.SortOrder
                           select new { u.Code, u.Name, y.Year, u.SortOrder }).ToListAsync(cancellationToken);
        var latestYear = units.Count == 0 ? 0 : units.Max(u => u.Year);
        return [.. units.DistinctBy(u => u.Code, StringComparer.Ordinal)
            .OrderBy(u => u.Year == latestYear ? 0 : 1).ThenBy(u => u.SortOrder)
            .Select(u => new UnitChoice(u.Code, u.Name))];
    }

    public async Task<(StaffUser? User, IdentityResult Result)> CreateAsync(Guid municipalityId, string email, string password, AccountChanges changes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return await InTransactionAsync<(StaffUser?, IdentityResult)>(async () =>
        {
            var user = new StaffUser
            {
                UserName = email.Trim(),
                Email = email.Trim(),
                EmailConfirmed = true,
                DisplayName = changes.DisplayName.Trim(),
                MunicipalityId = municipalityId,
                CreatedAt = clock.GetUtcNow(),
                Assignments = [.. Distinct(changes.Bindings).Select(b => new UnitAssignment { UnitCode = b.UnitCode, Role = b.Role })],
            };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded && changes.Roles.Count > 0)
            {
                result = await users.AddToRolesAsync(user, changes.Roles);
            }

            if (result.Succeeded)
            {
                Record(user, CreatedAction, new()
                {
                    ["Email"] = new AuditChange(null, user.Email),
                    ["Roles"] = new AuditChange(null, string.Join(",", changes.Roles.Order(StringComparer.Ordinal))),
                    ["Bindings"] = new AuditChange(null, Describe(user.Assignments)),
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            return (result.Succeeded ? user : null, result);
        }, r => r.Item2.Succeeded, cancellationToken);
    }

    /// <summary>Sets an account's name, roles and bindings; refused when the account changed since <paramref name="concurrencyStamp"/>.</summary>
    public async Task<IdentityResult> UpdateAsync(StaffAccess admin, Guid userId, string? concurrencyStamp, AccountChanges changes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return await InTransactionAsync(async () =>
        {
            var user = await FindAsync(admin, userId, cancellationToken);
            if (user is null)
            {
                return IdentityResult.Failed(users.ErrorDescriber.DefaultError());
            }

            if (!string.Equals(user.ConcurrencyStamp, concurrencyStamp, StringComparison.Ordinal))
            {
                return IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure());
            }

            var oldRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            var oldBindings = Describe(user.Assignments);
            var oldName = user.DisplayName;

            user.DisplayName = changes.DisplayName.Trim();
            var wanted = Distinct(changes.Bindings).ToList();
            foreach (var stale in user.Assignments.Where(a => !wanted.Contains(new Binding(a.UnitCode, a.Role))).ToList())
            {
                user.Assignments.Remove(stale);
                db.UnitAssignments.Remove(stale);
            }

            // Added explicitly: Identity's update attaches the account as modified, and would take a new
            // binding with its key already set for an existing row.
            foreach (var binding in wanted.Where(b => !user.Assignments.Any(a => a.UnitCode == b.UnitCode && a.Role == b.Role)).ToList())
            {
                var assignment = new UnitAssignment { UserId = user.Id, UnitCode = binding.UnitCode, Role = binding.Role };
                db.UnitAssignments.Add(assignment);
                user.Assignments.Add(assignment);
            }

            var result = await users.UpdateAsync(user);
            var removed = oldRoles.Except(changes.Roles, StringComparer.Ordinal).ToList();
            var added = changes.Roles.Except(oldRoles, StringComparer.Ordinal).ToList();
            if (result.Succeeded && removed.Count > 0)
            {
                result = await users.RemoveFromRolesAsync(user, removed);
            }

            if (result.Succeeded && added.Count > 0)
            {
                result = await users.AddToRolesAsync(user, added);
            }

            if (result.Succeeded)
            {
                var changed = new Dictionary<string, AuditChange>(StringComparer.Ordinal);
                if (!string.Equals(oldName, user.DisplayName, StringComparison.Ordinal))
                {
                    changed["DisplayName"] = new AuditChange(oldName, user.DisplayName);
                }

                var newRoles = string.Join(",", changes.Roles.Order(StringComparer.Ordinal));
                if (!string.Equals(string.Join(",", oldRoles), newRoles, StringComparison.Ordinal))
                {
                    changed["Roles"] = new AuditChange(string.Join(",", oldRoles), newRoles);
                }

                var newBindings = Describe(user.Assignments);
                if (!string.Equals(oldBindings, newBindings, StringComparison.Ordinal))
                {
                    changed["Bindings"] = new AuditChange(oldBindings, newBindings);
                }

                if (changed.Count > 0)
                {
                    Record(user, ChangedAction, changed);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            return result;
        }, r => r.Succeeded, cancellationToken);
    }

    /// <summary>Locks an account until unlocked (its sessions and tokens stop working), or unlocks it.</summary>
    public async Task<IdentityResult> SetLockedAsync(StaffAccess admin, Guid userId, bool locked, CancellationToken cancellationToken = default) =>
        await InTransactionAsync(async () =>
        {
            var user = await FindAsync(admin, userId, cancellationToken);
            if (user is null)
            {
                return IdentityResult.Failed(users.ErrorDescriber.DefaultError());
            }

            var result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded)
            {
                result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            }

            if (result.Succeeded)
            {
                // A new security stamp ends the account's existing sign-in sessions at their next check.
                result = locked ? await users.UpdateSecurityStampAsync(user) : await users.ResetAccessFailedCountAsync(user);
            }

            if (result.Succeeded)
            {
                Record(user, locked ? LockedAction : UnlockedAction, []);
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }, r => r.Succeeded, cancellationToken);

    /// <summary>Gives an account a new password chosen by the administrator, and lifts a lock from failed sign-ins.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(StaffAccess admin, Guid userId, string password, CancellationToken cancellationToken = default) =>
        await InTransactionAsync(async () =>
        {
            var user = await FindAsync(admin, userId, cancellationToken);
            if (user is null)
            {
                return IdentityResult.Failed(users.ErrorDescriber.DefaultError());
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (result.Succeeded)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            if (result.Succeeded)
            {
                Record(user, PasswordResetAction, []);
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }, r => r.Succeeded, cancellationToken);

    private static IEnumerable<Binding> Distinct(IEnumerable<Binding> bindings) => bindings.Distinct();

    private static string Describe(IEnumerable<UnitAssignment> assignments) =>
        string.Join(",", assignments.Select(a => $"{a.UnitCode}:{a.Role}").Order(StringComparer.Ordinal));

    private void Record(StaffUser user, string action, Dictionary<string, AuditChange> changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            EntityType = nameof(StaffUser),
            EntityId = user.Id.ToString("D", CultureInfo.InvariantCulture),
            Action = action,
            Changes = JsonSerializer.Serialize(changes, ReportJson.Options),
        });

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, Func<T, bool> succeeded, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (succeeded(result))
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            return result;
        });
    }
}
