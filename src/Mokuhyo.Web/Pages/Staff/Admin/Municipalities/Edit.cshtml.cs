using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Municipalities;

/// <summary>A municipality's URL name, names and prefecture, for the host administrator; its code is fixed.</summary>
public sealed class EditModel(StaffContext staff, MunicipalityAdministration municipalities, IStringLocalizer<TenancyText> text) : PageModel
{
    [BindProperty]
    public MunicipalityFormInput Input { get; set; } = new();

    public Municipality? Municipality { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = MunicipalityFormInput.From(Municipality!);
        Message = done switch
        {
            "created" => text["Municipalities.Created"].Value,
            "saved" => text["Municipalities.Saved"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Input.Code = Municipality!.Code;
        if (MunicipalityForm.Validate(Input, ModelState, text) is { } input)
        {
            var outcome = await municipalities.UpdateAsync(id, Input.Version, input, cancellationToken);
            if (outcome == MunicipalitySaveOutcome.Saved)
            {
                return Redirect($"/staff/admin/municipalities/{id}?done=saved");
            }

            if (outcome == MunicipalitySaveOutcome.NotFound)
            {
                return NotFound();
            }

            MunicipalityForm.AddOutcome(outcome, Input, ModelState, text);
            if (outcome == MunicipalitySaveOutcome.Conflict)
            {
                Municipality = await municipalities.FindAsync(id, cancellationToken);
                Input = MunicipalityFormInput.From(Municipality!);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await staff.AccessAsync(cancellationToken) is not { } access || !AccessPolicy.CanManageMunicipalities(access))
        {
            return Forbid();
        }

        Municipality = await municipalities.FindAsync(id, cancellationToken);
        return Municipality is null ? NotFound() : null;
    }
}
