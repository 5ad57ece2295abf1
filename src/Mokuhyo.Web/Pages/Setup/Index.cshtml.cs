using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Text;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Setup;

/// <summary>
/// First-run set-up: on a database without any account, creates the municipality and its first
/// administrator and signs them in. Once an account exists the page does not exist (404).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(StaffAccounts.LoginRateLimit)]
public sealed class IndexModel(FirstRunSetup setup, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
    IStringLocalizer<AdminText> text, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.IsAvailableAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await setup.IsAvailableAsync(cancellationToken))
        {
            return NotFound();
        }

        await ValidateAsync();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var result = await setup.RunAsync(new FirstRunRequest(Input.MunicipalityCode!.Trim(), Input.MunicipalityName!.Trim(), Input.Slug!.Trim(),
            Input.Email!.Trim(), Input.DisplayName!.Trim(), Input.Password!), cancellationToken);
        if (result.AlreadyDone)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            Message = text["Setup.AlreadyDone"];
            return Page();
        }

        if (result.MunicipalityTaken)
        {
            ModelState.AddModelError("Input.MunicipalityCode", text["Setup.Error.Taken"]);
        }

        AdminForms.AddIdentityErrors(ModelState, result.Errors, "Input.Email", "Input.Password");
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        logger.LogInformation("First-run set-up created municipality {Slug} and administrator {Email}", Input.Slug, Input.Email);
        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/staff/years");
    }

    private async Task ValidateAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.MunicipalityCode))
        {
            ModelState.AddModelError("Input.MunicipalityCode", text["Form.Required", text["Setup.Code"]]);
        }
        else if (!LocalGovernmentCode.TryParse(Input.MunicipalityCode.Trim(), out _))
        {
            ModelState.AddModelError("Input.MunicipalityCode", text["Setup.Error.Code"]);
        }

        CheckText(Input.MunicipalityName, "Input.MunicipalityName", "Setup.Name");
        if (string.IsNullOrWhiteSpace(Input.Slug))
        {
            ModelState.AddModelError("Input.Slug", text["Form.Required", text["Setup.Slug"]]);
        }
        else if (!Municipality.IsValidSlug(Input.Slug.Trim()))
        {
            ModelState.AddModelError("Input.Slug", text["Setup.Error.Slug"]);
        }

        if (!AdminForms.IsEmail(Input.Email))
        {
            ModelState.AddModelError("Input.Email", text["Form.Email"]);
        }

        CheckText(Input.DisplayName, "Input.DisplayName", "Account.DisplayName");
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Form.Required", text["Account.Password"]]);
            return;
        }

        var probe = new StaffUser { DisplayName = "", UserName = Input.Email, Email = Input.Email };
        AdminForms.AddIdentityErrors(ModelState, await AdminForms.CheckPasswordAsync(users, probe, Input.Password), "Input.Email", "Input.Password");
        if (!string.Equals(Input.Password, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["Setup.Error.Confirm"]);
        }
    }

    private void CheckText(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, text["Form.Required", text[label]]);
        }
        else if (!TextRules.FitsWithin(value.Trim(), TextLimits.Name))
        {
            ModelState.AddModelError(field, text["Form.TooLong", text[label], TextLimits.Name]);
        }
    }
}

/// <summary>The set-up form.</summary>
public sealed class SetupInput
{
    public string? MunicipalityCode { get; set; }

    public string? MunicipalityName { get; set; }

    public string? Slug { get; set; }

    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
