using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Audit;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Accounts, sign-in and the protections around them.</summary>
public static class StaffAccounts
{
    public const string LoginRateLimit = "login";
    public const string DisplayNameClaim = "mokuhyo:name";
    public const string MunicipalityClaim = "mokuhyo:municipality";

    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<MokuhyoDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<JapaneseIdentityErrors>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "mokuhyo.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Behind TLS (production) the cookie never travels in clear; plain HTTP is for the local demo only.
            o.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mokuhyo.af";
            o.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<StaffContext>();
        return services;
    }

    // API callers get a status code, never a redirect to an HTML login page.
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the display name and municipality in the sign-in cookie, for headers and logs.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffAccounts.DisplayNameClaim, user.DisplayName));
        if (user.MunicipalityId is { } municipality)
        {
            identity.AddClaim(new Claim(StaffAccounts.MunicipalityClaim, municipality.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

/// <summary>The signed-in user as the audit trail and the workflow record them.</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? Id => Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => accessor.HttpContext?.User.FindFirstValue(StaffAccounts.DisplayNameClaim)
        ?? accessor.HttpContext?.User.Identity?.Name
        ?? SystemActor.Instance.Name;
}
