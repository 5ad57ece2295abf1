using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mokuhyo.Data.Accounts;

/// <summary>
/// One account per role for the demo municipality, created only together with the demo data. Their
/// shared password is public (README); no other account has a fixed password.
/// </summary>
public sealed class DemoAccounts(MokuhyoDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public const string Password = "Mokuhyo-demo-2022";
    public const string MunicipalitySlug = "iruma";

    /// <summary>The demo accounts: e-mail, name, role, and the unit bindings.</summary>
    public static IReadOnlyList<(string Email, string Name, string Role, (string Unit, AssignmentRole Role)[] Units)> Accounts { get; } =
    [
        ("admin@iruma.example.jp", "システム管理者(デモ)", StaffRoles.SystemAdministrator, []),
        ("kikaku@iruma.example.jp", "企画・行政経営課(デモ)", StaffRoles.Planning, []),
        ("bucho@iruma.example.jp", "市民生活部長(デモ)", StaffRoles.Approver, [("shimin-seikatsu", AssignmentRole.Approver)]),
        ("shimin-seikatsu@iruma.example.jp", "市民生活部 庶務担当(デモ)", StaffRoles.Editor, [("shimin-seikatsu", AssignmentRole.Editor)]),
        ("chiiki@iruma.example.jp", "地域振興課 担当(デモ)", StaffRoles.Editor, [("chiiki-shinko", AssignmentRole.Editor)]),
        ("viewer@iruma.example.jp", "閲覧者(デモ)", StaffRoles.Viewer, []),
    ];

    /// <summary>
    /// Makes sure every role exists (on every start, demo or not). Several web nodes may start at the
    /// same moment on a new database: when another node inserts a role between this node's check and
    /// its insert, the unique name index refuses the second row, and that is success, not a failure.
    /// </summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roleManager, MokuhyoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(roleManager);
        ArgumentNullException.ThrowIfNull(db);
        foreach (var role in StaffRoles.All)
        {
            if (await roleManager.RoleExistsAsync(role))
            {
                continue;
            }

            var created = new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() };
            try
            {
                await roleManager.CreateAsync(created);
            }
            catch (DbUpdateException)
            {
                // The refused row stays tracked as Added and would be inserted again by the next save.
                db.Entry(created).State = EntityState.Detached;
                if (await roleManager.FindByNameAsync(role) is null)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Creates the demo accounts that are missing; the demo municipality must exist.</summary>
    public async Task<int> EnsureAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync(roles, db);
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Slug == MunicipalitySlug, cancellationToken);
        if (municipality is null)
        {
            return 0;
        }

        var created = 0;
        foreach (var (email, name, role, units) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                MunicipalityId = municipality.Id,
                CreatedAt = clock.GetUtcNow(),
                Assignments = [.. units.Select(u => new UnitAssignment { UnitCode = u.Unit, Role = u.Role })],
            };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            created++;
        }

        return created;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
