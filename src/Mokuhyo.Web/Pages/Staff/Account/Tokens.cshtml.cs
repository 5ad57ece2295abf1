using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Text;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Account;

/// <summary>
/// The signed-in account's personal access tokens for the staff API: create one (shown once, never
/// again), see when each was last used, revoke it.
/// </summary>
public sealed class TokensModel(StaffContext staff, AccessTokens tokens, TimeProvider clock, IStringLocalizer<AdminText> text,
    ILogger<TokensModel> logger) : PageModel
{
    /// <summary>Longest lifetime a token may be given, so forgotten tokens die on their own.</summary>
    public const int MaxDays = 366;

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    /// <summary>The token just created, shown on this one response only.</summary>
    public string? Created { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? revoked, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = revoked == true ? text["Tokens.Revoked"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var access = (await staff.AccessAsync(cancellationToken))!;
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", text["Form.Required", text["Tokens.Name"]]);
        }
        else if (!TextRules.FitsWithin(Input.Name.Trim(), TextLimits.Name))
        {
            ModelState.AddModelError("Input.Name", text["Form.TooLong", text["Tokens.Name"], TextLimits.Name]);
        }

        if (!Enum.IsDefined(Input.Scope))
        {
            ModelState.AddModelError("Input.Scope", text["Tokens.Error.Scope"]);
        }

        DateOnly? expiresOn = null;
        if (!string.IsNullOrWhiteSpace(Input.ExpiresOn))
        {
            if (DateOnly.TryParseExact(Input.ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
                && expires > Today && expires <= Today.AddDays(MaxDays))
            {
                expiresOn = expires;
            }
            else
            {
                ModelState.AddModelError("Input.ExpiresOn", text["Tokens.Error.Expiry", MaxDays]);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var created = await tokens.CreateAsync(access.UserId, Input.Name!.Trim(), Input.Scope, EndOfDay(expiresOn), cancellationToken);
        logger.LogInformation("Access token {Prefix} ({Scope}) created by {Name}", created.Token.Prefix, created.Token.Scope, access.Name);
        Created = created.Text;
        Input = new TokenInput();
        Tokens = await tokens.ListAsync(access.UserId, cancellationToken);
        // The token appears on this response only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var access = (await staff.AccessAsync(cancellationToken))!;
        if (!await tokens.RevokeAsync(access.UserId, id, cancellationToken))
        {
            return NotFound();
        }

        logger.LogInformation("Access token {Id} revoked by {Name}", id, access.Name);
        return Redirect("/staff/account/tokens?revoked=true");
    }

    /// <summary>A token given an end date works through that whole day in Japan.</summary>
    private static DateTimeOffset? EndOfDay(DateOnly? date) =>
        date is { } d
            ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), JapanTime.Zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue)))
            : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = await staff.AccessAsync(cancellationToken);
        if (access is null)
        {
            return Forbid();
        }

        Now = clock.GetUtcNow();
        Today = JapanTime.Today(clock);
        Tokens = await tokens.ListAsync(access.UserId, cancellationToken);
        return null;
    }
}

/// <summary>The form that creates a token.</summary>
public sealed class TokenInput
{
    public string? Name { get; set; }

    public TokenScope Scope { get; set; } = TokenScope.Read;

    /// <summary>yyyy-MM-dd as a date field sends it; read here so a mistyped date gets the page's own message.</summary>
    public string? ExpiresOn { get; set; }
}
