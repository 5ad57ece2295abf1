using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Tenancy;

/// <summary>The demo data with a host administrator beside 入間市's accounts, on a database of its own.</summary>
public sealed class TenancyApp : IAsyncLifetime
{
    public const string HostEmail = "host@mokuhyo.example.jp";
    public const string HostPassword = "Host-administrator-2026";

    public AdminApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await AdminApp.StartAsync();
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

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
