using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Users;

/// <summary>Creates an account with an initial password, roles and unit bindings.</summary>
public sealed class CreateModel(StaffContext staff, AccountAdministration accounts, UserManager<StaffUser> users, MokuhyoDbContext db,
    IStringLocalizer<AdminText> text, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public CreateAccountInput Input { get; set; } = new();

    public StaffAccess? Admin { get; private set; }

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>The municipalities a host administrator may choose from; empty for others.</summary>
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? municipality, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        // The host administrator comes here from a new municipality's page to make its first administrator.
        var chosen = municipality is { } m0 && Admin!.IsHostAdministrator && Municipalities.Any(x => x.Id == m0) ? municipality : null;
        Input.MunicipalityId = chosen ?? Admin!.MunicipalityId;
        Input.Roles = chosen is null ? [StaffRoles.Editor] : [StaffRoles.SystemAdministrator];
        Units = Input.MunicipalityId is { } m ? await accounts.UnitChoicesAsync(m, cancellationToken) : [];
        Input.PadBindings();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var municipalityId = Admin!.IsHostAdministrator ? Input.MunicipalityId : Admin.MunicipalityId;
        if (municipalityId is null || !Municipalities.Any(m => m.Id == municipalityId) || !AccountAdministration.MayManage(Admin, municipalityId.Value))
        {
            ModelState.AddModelError("Input.MunicipalityId", text["Form.Required", text["Users.Municipality"]]);
        }
        else
        {
            Units = await accounts.UnitChoicesAsync(municipalityId.Value, cancellationToken);
        }

        if (!AdminForms.IsEmail(Input.Email))
        {
            ModelState.AddModelError("Input.Email", text["Form.Email"]);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Form.Required", text["Account.InitialPassword"]]);
        }
        else
        {
            var probe = new StaffUser { DisplayName = "", UserName = Input.Email, Email = Input.Email };
            AdminForms.AddIdentityErrors(ModelState, await AdminForms.CheckPasswordAsync(users, probe, Input.Password), "Input.Email", "Input.Password");
        }

        var changes = AccountForm.Validate(Input, Admin, Units, ModelState, text);
        if (changes is not null && ModelState.IsValid)
        {
            var (user, result) = await accounts.CreateAsync(municipalityId!.Value, Input.Email!, Input.Password!, changes, cancellationToken);
            if (user is not null)
            {
                logger.LogInformation("Account {Email} created by {Admin}", user.Email, Admin.Name);
                return Redirect($"/staff/admin/users/{user.Id}?done=created");
            }

            AdminForms.AddIdentityErrors(ModelState, result.Errors, "Input.Email", "Input.Password");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.PadBindings();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Admin = await staff.AccessAsync(cancellationToken);
        if (Admin is null || !AccountAdministration.IsAccountAdministrator(Admin))
        {
            return Forbid();
        }

        AssignableRoles = AccountAdministration.AssignableRoles(Admin);
        var municipalities = db.Municipalities.AsNoTracking().OrderBy(m => m.Code);
        Municipalities = Admin.IsHostAdministrator
            ? await municipalities.ToListAsync(cancellationToken)
            : await municipalities.Where(m => m.Id == Admin.MunicipalityId).ToListAsync(cancellationToken);
        return null;
    }
}
