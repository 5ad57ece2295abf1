using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Admin.Municipalities;

/// <summary>Adds a municipality to the instance; its first administrator is created next, on the account page.</summary>
public sealed class CreateModel(StaffContext staff, MunicipalityAdministration municipalities, IStringLocalizer<TenancyText> text,
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public MunicipalityFormInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await MayManageAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(cancellationToken))
        {
            return Forbid();
        }

        ModelState.Clear();
        if (MunicipalityForm.Validate(Input, ModelState, text) is { } input)
        {
            var (outcome, created) = await municipalities.CreateAsync(input, cancellationToken);
            if (created is not null)
            {
                logger.LogInformation("Municipality {Code} {Slug} added", created.Code, created.Slug);
                return Redirect($"/staff/admin/municipalities/{created.Id}?done=created");
            }

            MunicipalityForm.AddOutcome(outcome, Input, ModelState, text);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> MayManageAsync(CancellationToken cancellationToken) =>
        await staff.AccessAsync(cancellationToken) is { } access && AccessPolicy.CanManageMunicipalities(access);
}
