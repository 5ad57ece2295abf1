using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Users;

/// <summary>The accounts an administrator manages: their own municipality's, or every one for a host administrator.</summary>
public sealed class IndexModel(StaffContext staff, AccountAdministration accounts, MokuhyoDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public bool ShowMunicipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await staff.AccessAsync(cancellationToken);
        if (access is null || !AccountAdministration.IsAccountAdministrator(access))
        {
            return Forbid();
        }

        ShowMunicipality = access.IsHostAdministrator;
        var users = await accounts.VisibleTo(access).AsNoTracking().Include(u => u.Assignments)
            .OrderBy(u => u.MunicipalityId).ThenBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await accounts.RolesOfAsync([.. users.Select(u => u.Id)], cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var now = clock.GetUtcNow();
        Accounts = [.. users.Select(u => new AccountRow(u, roles.GetValueOrDefault(u.Id) ?? [],
            u.MunicipalityId is { } m ? municipalities.GetValueOrDefault(m) : null, u.LockoutEnd > now))];
        return Page();
    }
}

/// <summary>One account in the list.</summary>
public sealed record AccountRow(StaffUser User, IReadOnlyList<string> Roles, string? Municipality, bool Locked);
