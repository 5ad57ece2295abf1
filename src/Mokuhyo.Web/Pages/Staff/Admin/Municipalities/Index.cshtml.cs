using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Municipalities;

/// <summary>The municipalities of the instance, for its host administrator.</summary>
public sealed class IndexModel(StaffContext staff, MunicipalityAdministration municipalities, MokuhyoDbContext db) : PageModel
{
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> AccountCounts { get; private set; } = new Dictionary<Guid, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await staff.AccessAsync(cancellationToken) is not { } access || !AccessPolicy.CanManageMunicipalities(access))
        {
            return Forbid();
        }

        Municipalities = await municipalities.ListAsync(cancellationToken);
        AccountCounts = await db.Users.Where(u => u.MunicipalityId != null).GroupBy(u => u.MunicipalityId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Page();
    }
}
