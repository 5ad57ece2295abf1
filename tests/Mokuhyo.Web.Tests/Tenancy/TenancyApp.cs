using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Tenancy;

/// <summary>The demo data with a host administrator beside 入間市's accounts, on a database of its own.</summary>
public class TenancyApp : IAsyncLifetime
{
    public const string HostEmail = "host@mokuhyo.example.jp";
    public const string HostPassword = "Host-administrator-2026";

    public AdminApp App { get; private set; } = null!;

    /// <summary>The database the app runs on.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Skips the calling test when its database server is not there (PostgreSQL without scripts/test.sh).</summary>
    public void SkipIfUnavailable()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            TestPostgres.SkipIfUnavailable();
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && TestPostgres.AdminConnectionString is null)
        {
            return;
        }

        App = await AdminApp.StartAsync(Provider);
        await App.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var iruma = await db.Municipalities.SingleAsync(m => m.Slug == "iruma", TestContext.Current.CancellationToken);
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var host = new StaffUser { UserName = HostEmail, Email = HostEmail, DisplayName = "ホスト管理者", MunicipalityId = iruma.Id };
            Assert.True((await users.CreateAsync(host, HostPassword)).Succeeded);
            Assert.True((await users.AddToRolesAsync(host, [StaffRoles.HostAdministrator, StaffRoles.SystemAdministrator])).Succeeded);
            return 0;
        });
    }

    public Task<HttpClient> HostAsync() => App.SignedInAsync(HostEmail, HostPassword);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app on PostgreSQL, the production database.</summary>
public sealed class TenancyAppOnPostgres : TenancyApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
