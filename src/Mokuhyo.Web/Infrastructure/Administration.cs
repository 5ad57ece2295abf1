using Microsoft.AspNetCore.Authentication;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Years;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Administration: first-run set-up, accounts, fiscal years, access tokens and the staff API's sign-in.</summary>
public static class Administration
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<FirstRunSetup>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<FiscalYearOpener>();
        services.AddScoped<UnitTreeEditor>();
        services.AddScoped<GoalCarryForward>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(StaffApiAuthentication.TokenScheme, null)
            .AddPolicyScheme(StaffApiAuthentication.Scheme, null, o => o.ForwardDefaultSelector = StaffApiAuthentication.Select);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffApiAuthentication.ReadPolicy, p => p
                .AddAuthenticationSchemes(StaffApiAuthentication.Scheme)
                .RequireAuthenticatedUser())
            .AddPolicy(StaffApiAuthentication.WritePolicy, p => p
                .AddAuthenticationSchemes(StaffApiAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => StaffApiAuthentication.MayWrite(context.User)));
        return services;
    }
}
