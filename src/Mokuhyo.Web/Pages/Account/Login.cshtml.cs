using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Account;

/// <summary>Sign-in with e-mail and password; repeated failures lock the account and are rate limited.</summary>
[AllowAnonymous]
[EnableRateLimiting(StaffAccounts.LoginRateLimit)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> text, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in {Email}", Input.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }

        logger.LogWarning("Sign-in failed for {Email} (locked out: {LockedOut})", Input.Email, result.IsLockedOut);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? text["Login.LockedOut"] : text["Login.Failed"]);
        return Page();
    }
}

/// <summary>The sign-in form.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Login.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Login.Password")]
    public string Password { get; set; } = "";
}
