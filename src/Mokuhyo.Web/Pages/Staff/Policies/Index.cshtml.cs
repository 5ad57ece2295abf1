using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Policies;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Policies;

/// <summary>The city's higher plans as a tree, for its planning staff: add a node, delete an unused one.</summary>
public sealed class IndexModel(StaffContext staff, PolicyTree tree, IStringLocalizer<TenancyText> text) : PageModel
{
    [BindProperty]
    public PolicyNodeFormInput Input { get; set; } = new();

    public IReadOnlyList<PolicyNode> Nodes { get; private set; } = [];

    public string? Message { get; private set; }

    private Guid municipalityId;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done == "saved" ? text["Policies.Saved"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (Input.Validate(withCode: true, ModelState, text) is { } input)
        {
            var outcome = await tree.AddAsync(municipalityId, Input.ParentId, input, cancellationToken);
            if (outcome == PolicySaveOutcome.Saved)
            {
                return Redirect("/staff/policies?done=saved");
            }

            PolicyNodeFormInput.AddOutcome(outcome, input.Code, ModelState, text);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await tree.DeleteAsync(municipalityId, code ?? "", cancellationToken);
        if (outcome == PolicySaveOutcome.Saved)
        {
            return Redirect("/staff/policies?done=saved");
        }

        if (outcome == PolicySaveOutcome.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        PolicyNodeFormInput.AddOutcome(outcome, code, ModelState, text);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await staff.AccessAsync(cancellationToken) is not { MunicipalityId: { } own } access || !AccessPolicy.CanEditPolicyTree(access, own))
        {
            return Forbid();
        }

        municipalityId = own;
        Nodes = await tree.NodesAsync(own, cancellationToken);
        return null;
    }
}
