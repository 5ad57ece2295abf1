using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Policies;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Policies;

/// <summary>One node of the higher plans: its name and the years it applies to. Published goals keep the name they were published with.</summary>
public sealed class NodeModel(StaffContext staff, PolicyTree tree, IStringLocalizer<TenancyText> text) : PageModel
{
    [BindProperty]
    public PolicyNodeFormInput Input { get; set; } = new();

    public PolicyNode? Node { get; private set; }

    private Guid municipalityId;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = PolicyNodeFormInput.From(Node!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (Input.Validate(withCode: false, ModelState, text) is { } input)
        {
            var outcome = await tree.UpdateAsync(municipalityId, code, Input.Version, input, cancellationToken);
            if (outcome == PolicySaveOutcome.Saved)
            {
                return Redirect("/staff/policies?done=saved");
            }

            PolicyNodeFormInput.AddOutcome(outcome, code, ModelState, text);
            if (outcome == PolicySaveOutcome.Conflict)
            {
                await LoadAsync(code, cancellationToken);
                Input = PolicyNodeFormInput.From(Node!);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await staff.AccessAsync(cancellationToken) is not { MunicipalityId: { } own } access || !AccessPolicy.CanEditPolicyTree(access, own))
        {
            return Forbid();
        }

        municipalityId = own;
        Node = PolicyTree.IsValidCode(code) ? await tree.FindAsync(own, code, cancellationToken) : null;
        return Node is null ? NotFound() : null;
    }
}
