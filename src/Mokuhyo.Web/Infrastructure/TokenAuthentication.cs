using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mokuhyo.Data.Accounts;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Names of the staff API's sign-in: a personal access token, or the staff cookie.</summary>
public static class StaffApiAuthentication
{
    /// <summary>The scheme that reads <c>Authorization: Bearer mkh_…</c>.</summary>
    public const string TokenScheme = "Token";

    /// <summary>Chooses per request between the token and the cookie.</summary>
    public const string Scheme = "StaffApi";

    public const string ReadPolicy = "StaffApiRead";
    public const string WritePolicy = "StaffApiWrite";

    /// <summary>The scope of the token a request came with; absent for the cookie, which may do what its account may.</summary>
    public const string ScopeClaim = "mokuhyo:scope";

    public const string TokenIdClaim = "mokuhyo:token";

    public const string PathPrefix = "/api/v1/staff";

    internal const string CookieName = "mokuhyo.auth";

    /// <summary>A request with a token header is judged by the token alone, never rescued by a cookie beside it.</summary>
    internal static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || !context.Request.Cookies.ContainsKey(CookieName)
            ? TokenScheme
            : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;

    internal static bool MayWrite(ClaimsPrincipal user) =>
        !user.HasClaim(c => c.Type == ScopeClaim) || user.HasClaim(ScopeClaim, ScopeValue(TokenScope.Write));

    internal static string ScopeValue(TokenScope scope) => scope == TokenScope.Write ? "write" : "read";
}

/// <summary>
/// Signs in API callers by personal access token, only under /api/v1/staff. Unknown, revoked and
/// expired tokens, and tokens of locked accounts, get 401 with problem details; a token whose
/// scope does not allow the request gets 403.
/// </summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokens tokens, IProblemDetailsService problems, IStringLocalizer<AdminText> text)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Path.StartsWithSegments(StaffApiAuthentication.PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Only bearer tokens are accepted.");
        }

        var owner = await tokens.FindValidAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            Logger.LogWarning("Refused an unknown, revoked or expired access token on {Path}", Request.Path);
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var user = owner.User;
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString("D", CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName ?? user.Email ?? ""),
            new(StaffAccounts.DisplayNameClaim, user.DisplayName),
            new(StaffApiAuthentication.ScopeClaim, StaffApiAuthentication.ScopeValue(owner.Token.Scope)),
            new(StaffApiAuthentication.TokenIdClaim, owner.Token.Id.ToString("D", CultureInfo.InvariantCulture)),
        ];
        if (user.MunicipalityId is { } municipality)
        {
            claims.Add(new Claim(StaffAccounts.MunicipalityClaim, municipality.ToString("D", CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = Request.Headers.Authorization.Count > 0;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        await WriteAsync(StatusCodes.Status401Unauthorized, "Api.Unauthorized.Title", presented ? "Api.Unauthorized.Invalid" : "Api.Unauthorized.Missing");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync(StatusCodes.Status403Forbidden, "Api.Forbidden.Title", "Api.Forbidden.ReadScope");
    }

    private async Task WriteAsync(int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = text[title], Detail = text[detail] },
        });
}
