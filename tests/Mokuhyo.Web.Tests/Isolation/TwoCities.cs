using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Domain.Policies;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Isolation;

/// <summary>One city's identifiers and the text none of the other city's responses may contain.</summary>
public sealed record City(string Slug, Guid Id, int Year, string Department, string Division, int MarkedGoal, string Marker,
    IReadOnlyList<string> UnitNames, IReadOnlyDictionary<string, string> Accounts)
{
    /// <summary>The code of the city's 総合計画 node, which its marked goal links to.</summary>
    public string PolicyCode => Slug + "-plan";

    /// <summary>Every identifier of the city a staff route could take as a GUID: the city, its accounts, units, goals and tokens.</summary>
    public IReadOnlyList<Guid> Guids { get; init; } = [];
}

/// <summary>
/// Two municipalities in one instance: 入間市 (the demo data, 令和4年度) and 所沢市, loaded from the same
/// department file with its own codes, names and year (平成27年度: not the other city's next year either,
/// which its planning staff may open as the walk posts), so that no identifier of one city names anything
/// in the other. Each has accounts of every role and a draft goal carrying a marker
/// that was never published.
/// </summary>
public class TwoCities : IAsyncLifetime
{
    public const string Password = "Isolation-test-2026";
    public const string IrumaMarker = "入間未公開ISOLATION甲";
    public const string TokorozawaMarker = "所沢未公開ISOLATION乙";

    /// <summary>The account of each role, by role name (the demo accounts' roles, plus a division editor).</summary>
    public static readonly string[] Roles = ["viewer", "department-editor", "division-editor", "approver", "planning", "administrator"];

    private static readonly string[] IrumaUnitNames = ["市民生活部", "地域振興課", "人権推進課", "男女共同参画推進センター", "消費生活センター", "市民課", "交通防犯課"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AdminApp App { get; private set; } = null!;

    public City Iruma { get; private set; } = null!;

    public City Tokorozawa { get; private set; } = null!;

    /// <summary>The database both cities share.</summary>
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
            var json = TokorozawaFile(Mokuhyo.Data.EmbeddedFiles.DemoDataFiles().Single(f => !Mokuhyo.Data.EmbeddedFiles.IsExampleFile(f.Name)).Json);
            Assert.True(await services.GetRequiredService<DepartmentFileLoader>().LoadAsync(DepartmentFileLoader.Parse("tokorozawa", json), Ct));
            var db = services.GetRequiredService<MokuhyoDbContext>();
            await MarkAsync(db, 2022, IrumaMarker);
            await MarkAsync(db, 2015, TokorozawaMarker);
            var tokorozawa = await db.Municipalities.SingleAsync(m => m.Slug == "tokorozawa", Ct);
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            foreach (var (role, email) in TokorozawaAccounts)
            {
                var (staffRole, bindings) = role switch
                {
                    "viewer" => (StaffRoles.Viewer, Array.Empty<UnitAssignment>()),
                    "department-editor" => (StaffRoles.Editor, [new UnitAssignment { UnitCode = "tz-shimin-seikatsu", Role = AssignmentRole.Editor }]),
                    "division-editor" => (StaffRoles.Editor, [new UnitAssignment { UnitCode = "tz-chiiki-shinko", Role = AssignmentRole.Editor }]),
                    "approver" => (StaffRoles.Approver, [new UnitAssignment { UnitCode = "tz-shimin-seikatsu", Role = AssignmentRole.Approver }]),
                    "planning" => (StaffRoles.Planning, []),
                    _ => (StaffRoles.SystemAdministrator, []),
                };
                var user = new StaffUser { UserName = email, Email = email, DisplayName = "所沢 " + role, MunicipalityId = tokorozawa.Id, Assignments = [.. bindings] };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, staffRole)).Succeeded);
                var token = await services.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "isolation", TokenScope.Write, null, Ct);
                Assert.NotNull(token);
            }

            return 0;
        });

        Iruma = await CityAsync("iruma", 2022, "shimin-seikatsu", "chiiki-shinko", IrumaMarker, IrumaUnitNames, IrumaAccounts);
        Tokorozawa = await CityAsync("tokorozawa", 2015, "tz-shimin-seikatsu", "tz-chiiki-shinko", TokorozawaMarker,
            [.. IrumaUnitNames.Select(TokorozawaName)], TokorozawaAccounts);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static readonly Dictionary<string, string> IrumaAccounts = new(StringComparer.Ordinal)
    {
        ["viewer"] = "viewer@iruma.example.jp",
        ["department-editor"] = "shimin-seikatsu@iruma.example.jp",
        ["division-editor"] = "chiiki@iruma.example.jp",
        ["approver"] = "bucho@iruma.example.jp",
        ["planning"] = "kikaku@iruma.example.jp",
        ["administrator"] = "admin@iruma.example.jp",
    };

    private static readonly Dictionary<string, string> TokorozawaAccounts =
        Roles.ToDictionary(r => r, r => $"{r}@tokorozawa.example.jp", StringComparer.Ordinal);

    public static string PasswordOf(string email) =>
        email.EndsWith("@iruma.example.jp", StringComparison.Ordinal) ? DemoAccounts.Password : Password;

    /// <summary>所沢市's names for 入間市's units: nothing of 入間市's name survives in them.</summary>
    private static string TokorozawaName(string irumaName) => "所沢第" + (Array.IndexOf(IrumaUnitNames, irumaName) + 1) + "組織";

    private static string TokorozawaFile(string json)
    {
        foreach (var name in IrumaUnitNames.OrderByDescending(n => n.Length))
        {
            json = json.Replace(name, TokorozawaName(name), StringComparison.Ordinal);
        }

        foreach (var code in new[] { "shimin-seikatsu", "chiiki-shinko", "jinken-suishin", "danjo-kyodo-sankaku-center", "shohi-seikatsu-center", "shimin", "kotsu-bohan" })
        {
            json = json.Replace($"\"{code}\"", $"\"tz-{code}\"", StringComparison.Ordinal);
        }

        return json.Replace("\"112259\"", "\"112089\"", StringComparison.Ordinal)
            .Replace("\"iruma\"", "\"tokorozawa\"", StringComparison.Ordinal)
            .Replace("入間市", "所沢市", StringComparison.Ordinal)
            .Replace("Iruma City", "Tokorozawa City", StringComparison.Ordinal)
            .Replace("\"fiscalYear\": 2022", "\"fiscalYear\": 2015", StringComparison.Ordinal);
    }

    private static async Task MarkAsync(MokuhyoDbContext db, int year, string marker)
    {
        var goal = await db.Goals.SingleAsync(g => g.Number == 2 && db.ReportingYears.Any(y => y.Id == g.ReportingYearId && y.Year == year), Ct);
        goal.Title += marker;
        goal.Body.Add(marker);
        var municipality = await db.ReportingYears.Where(y => y.Id == goal.ReportingYearId).Select(y => y.MunicipalityId).SingleAsync(Ct);
        var slug = await db.Municipalities.Where(m => m.Id == municipality).Select(m => m.Slug).SingleAsync(Ct);
        // An unpublished link to a node named with the marker: the node's name must not leak either.
        var node = new PolicyNode { MunicipalityId = municipality, Code = slug + "-plan", Name = "総合計画" + marker, ValidFrom = year };
        db.PolicyNodes.Add(node);
        db.GoalPolicyLinks.Add(new GoalPolicyLink { GoalId = goal.Id, PolicyNodeId = node.Id });
        await db.SaveChangesAsync(Ct);
    }

    private Task<City> CityAsync(string slug, int year, string department, string division, string marker, IReadOnlyList<string> unitNames,
        IReadOnlyDictionary<string, string> accounts) => App.WithDbAsync(async db =>
    {
        var municipality = await db.Municipalities.SingleAsync(m => m.Slug == slug, Ct);
        var yearIds = await db.ReportingYears.Where(y => y.MunicipalityId == municipality.Id).Select(y => y.Id).ToListAsync(Ct);
        var guids = new List<Guid> { municipality.Id };
        guids.AddRange(await db.Users.Where(u => u.MunicipalityId == municipality.Id).Select(u => u.Id).ToListAsync(Ct));
        guids.AddRange(await db.OrgUnits.Where(u => yearIds.Contains(u.ReportingYearId)).Select(u => u.Id).Take(3).ToListAsync(Ct));
        guids.AddRange(await db.Goals.Where(g => yearIds.Contains(g.ReportingYearId)).Select(g => g.Id).Take(3).ToListAsync(Ct));
        guids.AddRange(await db.PersonalAccessTokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.MunicipalityId == municipality.Id))
            .Select(t => t.Id).ToListAsync(Ct));
        return new City(slug, municipality.Id, year, department, division, 2, marker, unitNames, accounts) { Guids = guids };
    });
}

/// <summary>The same two cities on PostgreSQL, the production database.</summary>
public sealed class TwoCitiesOnPostgres : TwoCities
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
