using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Users;

/// <summary>One account: its name, roles and bindings; locking and unlocking; a new password.</summary>
public sealed class EditModel(StaffContext staff, AccountAdministration accounts, UserManager<StaffUser> users, TimeProvider clock,
    IStringLocalizer<AdminText> text, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public EditAccountInput Input { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    public StaffAccess? Admin { get; private set; }

    public StaffUser? Account { get; private set; }

    public bool Locked { get; private set; }

    public bool IsSelf { get; private set; }

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillInputAsync(cancellationToken);
        Message = done is "created" or "saved" or "locked" or "unlocked" or "password" ? text["Users.Done." + done].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var changes = AccountForm.Validate(Input, Admin!, Units, ModelState, text);
        if (changes is not null && IsSelf && !Admin!.IsHostAdministrator && !changes.Roles.Contains(StaffRoles.SystemAdministrator, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Roles", text["Users.Error.OwnAdministrator"]);
        }

        if (changes is not null && ModelState.IsValid)
        {
            var result = await accounts.UpdateAsync(Admin!, id, Input.ConcurrencyStamp, changes, cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Account {Email} changed by {Admin}", Account!.Email, Admin!.Name);
                return Redirect($"/staff/admin/users/{id}?done=saved");
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                Message = text["Form.Conflict"];
                await LoadAsync(id, cancellationToken);
                await FillInputAsync(cancellationToken);
                return Page();
            }

            AdminForms.AddIdentityErrors(ModelState, result.Errors, "Input.DisplayName", "Input.DisplayName");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.PadBindings();
        return Page();
    }

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) => SetLockedAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) => SetLockedAsync(id, false, cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), text["Form.Required", text["Account.NewPassword"]]);
        }
        else
        {
            AdminForms.AddIdentityErrors(ModelState, await AdminForms.CheckPasswordAsync(users, Account!, NewPassword), nameof(NewPassword), nameof(NewPassword));
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.ResetPasswordAsync(Admin!, id, NewPassword!, cancellationToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Password of {Email} reset by {Admin}", Account!.Email, Admin!.Name);
                return Redirect($"/staff/admin/users/{id}?done=password");
            }

            AdminForms.AddIdentityErrors(ModelState, result.Errors, nameof(NewPassword), nameof(NewPassword));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await FillInputAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> SetLockedAsync(Guid id, bool locked, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (IsSelf && locked)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = text["Users.Error.LockSelf"];
            await FillInputAsync(cancellationToken);
            return Page();
        }

        var result = await accounts.SetLockedAsync(Admin!, id, locked, cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            Message = text["Form.Conflict"];
            await LoadAsync(id, cancellationToken);
            await FillInputAsync(cancellationToken);
            return Page();
        }

        logger.LogInformation("Account {Email} {Action} by {Admin}", Account!.Email, locked ? "locked" : "unlocked", Admin!.Name);
        return Redirect($"/staff/admin/users/{id}?done={(locked ? "locked" : "unlocked")}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Admin = await staff.AccessAsync(cancellationToken);
        if (Admin is null || !AccountAdministration.IsAccountAdministrator(Admin))
        {
            return Forbid();
        }

        // Another municipality's account is not found, not forbidden: its existence is not told.
        Account = await accounts.FindAsync(Admin, id, cancellationToken);
        if (Account is null)
        {
            return NotFound();
        }

        Locked = Account.LockoutEnd > clock.GetUtcNow();
        IsSelf = Account.Id == Admin.UserId;
        AssignableRoles = AccountAdministration.AssignableRoles(Admin);
        Units = Account.MunicipalityId is { } m ? await accounts.UnitChoicesAsync(m, cancellationToken) : [];
        return null;
    }

    private async Task FillInputAsync(CancellationToken cancellationToken)
    {
        var roles = await accounts.RolesOfAsync([Account!.Id], cancellationToken);
        Input = new EditAccountInput
        {
            DisplayName = Account.DisplayName,
            Roles = roles.GetValueOrDefault(Account.Id) ?? [],
            Bindings = [.. Account.Assignments.OrderBy(a => a.UnitCode, StringComparer.Ordinal).Select(a => new BindingInput { UnitCode = a.UnitCode, Role = a.Role })],
            ConcurrencyStamp = Account.ConcurrencyStamp,
        };
        Input.PadBindings();
    }
}
