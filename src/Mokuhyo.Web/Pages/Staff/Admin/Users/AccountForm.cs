using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Web.Pages.Staff.Admin.Users;

/// <summary>The name, roles and unit bindings of an account, as the create and edit forms post them.</summary>
public class AccountInput
{
    /// <summary>Blank binding rows offered below the existing ones.</summary>
    public const int BlankBindings = 3;

    public string? DisplayName { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<BindingInput> Bindings { get; set; } = [];

    public void PadBindings()
    {
        Bindings.RemoveAll(b => string.IsNullOrWhiteSpace(b.UnitCode));
        for (var i = 0; i < BlankBindings; i++)
        {
            Bindings.Add(new BindingInput());
        }
    }
}

public sealed class BindingInput
{
    public string? UnitCode { get; set; }

    public AssignmentRole Role { get; set; }
}

public sealed class CreateAccountInput : AccountInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>Chosen by a host administrator only; others create accounts in their own municipality.</summary>
    public Guid? MunicipalityId { get; set; }
}

public sealed class EditAccountInput : AccountInput
{
    public string? ConcurrencyStamp { get; set; }
}

/// <summary>What the account fields partial needs besides the input.</summary>
public sealed record AccountFieldsView(AccountInput Input, IReadOnlyList<string> AssignableRoles, IReadOnlyList<UnitChoice> Units);

/// <summary>Checks the account fields, putting each message beside its field.</summary>
internal static class AccountForm
{
    public static AccountChanges? Validate(AccountInput input, StaffAccess admin, IReadOnlyList<UnitChoice> units, ModelStateDictionary modelState,
        IStringLocalizer<AdminText> text)
    {
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            modelState.AddModelError("Input.DisplayName", text["Form.Required", text["Account.DisplayName"]]);
        }
        else if (!TextRules.FitsWithin(input.DisplayName.Trim(), TextLimits.Name))
        {
            modelState.AddModelError("Input.DisplayName", text["Form.TooLong", text["Account.DisplayName"], TextLimits.Name]);
        }

        var assignable = AccountAdministration.AssignableRoles(admin);
        var roles = input.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            modelState.AddModelError("Input.Roles", text["Account.Error.NoRole"]);
        }
        else if (roles.Any(r => !assignable.Contains(r, StringComparer.Ordinal)))
        {
            modelState.AddModelError("Input.Roles", text["Account.Error.Role"]);
        }

        var bindings = new List<Binding>();
        for (var i = 0; i < input.Bindings.Count; i++)
        {
            var row = input.Bindings[i];
            if (string.IsNullOrWhiteSpace(row.UnitCode))
            {
                continue;
            }

            var code = row.UnitCode.Trim();
            var field = $"Input.Bindings[{i}].UnitCode";
            if (!Enum.IsDefined(row.Role))
            {
                modelState.AddModelError(field, text["Account.Error.BindingRole"]);
            }
            else if (!units.Any(u => string.Equals(u.Code, code, StringComparison.Ordinal)))
            {
                modelState.AddModelError(field, text["Account.Error.UnknownUnit", code]);
            }
            else if (!roles.Contains(RoleFor(row.Role), StringComparer.Ordinal))
            {
                // AccessPolicy counts a binding only together with the role of the same name.
                modelState.AddModelError(field, text["Account.Error.BindingNeedsRole", text["Binding." + row.Role], text["Role." + RoleFor(row.Role)]]);
            }
            else
            {
                bindings.Add(new Binding(code, row.Role));
            }
        }

        return modelState.IsValid ? new AccountChanges(input.DisplayName!.Trim(), roles, bindings) : null;
    }

    private static string RoleFor(AssignmentRole role) => role == AssignmentRole.Approver ? StaffRoles.Approver : StaffRoles.Editor;
}
