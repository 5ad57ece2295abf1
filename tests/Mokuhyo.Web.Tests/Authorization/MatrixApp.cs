using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Authorization;

/// <summary>The parts people play in the matrix: every demo role of 入間市, nobody, and the administrator of another city.</summary>
public enum Role
{
    Anonymous,
    Viewer,
    DepartmentEditor,
    DivisionEditor,
    Approver,
    Planning,
    Administrator,
    OtherAdministrator,
}

/// <summary>How a staff API request carries its credentials.</summary>
public enum Transport
{
    Cookie,
    ReadToken,
    WriteToken,
}

/// <summary>
/// One application for the matrix, with a second municipality (所沢市) and its administrator beside
/// 入間市's demo data, a signed-in client and tokens per role, and the means to put a report in the
/// state a row needs. Rows that would leave the shared data unusable for the next row run on an app
/// of their own (<see cref="StartAsync"/>).
/// </summary>
public sealed class MatrixApp : IAsyncDisposable
{
    public const string OtherAdministratorEmail = "admin@tokorozawa.example.jp";
    public const string OtherPassword = "Tokorozawa-admin-2026";

    /// <summary>Written into a draft goal of 入間市 that was never published; no response outside 入間市's staff may contain it.</summary>
    public const string UnpublishedMarker = "未公開の下書き文言XYZ";

    public const string Department = "shimin-seikatsu";
    public const string Phase = "interim";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly Dictionary<Role, HttpClient> clients = [];
    private readonly Dictionary<(Role, Transport), HttpClient> apiClients = [];
    private readonly Dictionary<Role, string> antiforgery = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private int revision = 100;

    private MatrixApp(AdminApp app) => App = app;

    public AdminApp App { get; }

    public static string EmailOf(Role role) => role switch
    {
        Role.Viewer => "viewer@iruma.example.jp",
        Role.DepartmentEditor => "shimin-seikatsu@iruma.example.jp",
        Role.DivisionEditor => "chiiki@iruma.example.jp",
        Role.Approver => "bucho@iruma.example.jp",
        Role.Planning => "kikaku@iruma.example.jp",
        Role.Administrator => "admin@iruma.example.jp",
        Role.OtherAdministrator => OtherAdministratorEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Anonymous has no account."),
    };

    /// <summary>Boots an app on a fresh database with the demo data, and adds 所沢市 with its administrator.</summary>
    public static async Task<MatrixApp> StartAsync(bool withMarker = false)
    {
        var app = await AdminApp.StartAsync();
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var tokorozawa = new Municipality { Code = "112089", Slug = "tokorozawa", Name = "所沢市" };
            db.Municipalities.Add(tokorozawa);
            if (withMarker)
            {
                var goal = await db.Goals.SingleAsync(g => g.Number == 2, Ct);
                goal.Title += UnpublishedMarker;
            }

            await db.SaveChangesAsync(Ct);
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var other = new StaffUser { UserName = OtherAdministratorEmail, Email = OtherAdministratorEmail, DisplayName = "所沢市 管理者", MunicipalityId = tokorozawa.Id };
            Assert.True((await users.CreateAsync(other, OtherPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(other, StaffRoles.SystemAdministrator)).Succeeded);
            return 0;
        });
        return new MatrixApp(app);
    }

    /// <summary>A browser of the role, signed in once and kept (the sign-in rate limit is never met).</summary>
    public async Task<HttpClient> ClientAsync(Role role)
    {
        await gate.WaitAsync(Ct);
        try
        {
            if (!clients.TryGetValue(role, out var client))
            {
                client = role switch
                {
                    Role.Anonymous => App.NewClient(),
                    Role.OtherAdministrator => await App.SignedInAsync(OtherAdministratorEmail, OtherPassword),
                    _ => await App.SignedInAsync(EmailOf(role)),
                };
                clients[role] = client;
            }

            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A client of the staff API for the role: its cookie, or a read or write token of its account (no credentials for anonymous).</summary>
    public async Task<HttpClient> ApiClientAsync(Role role, Transport transport)
    {
        if (role == Role.Anonymous || transport == Transport.Cookie)
        {
            return await ClientAsync(role);
        }

        var token = await TokenAsync(role, transport == Transport.WriteToken ? TokenScope.Write : TokenScope.Read);
        await gate.WaitAsync(Ct);
        try
        {
            if (!apiClients.TryGetValue((role, transport), out var client))
            {
                client = App.NewClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                apiClients[(role, transport)] = client;
            }

            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The role's antiforgery token, from a page it may open (the sign-in page for anonymous).</summary>
    public async Task<string> AntiforgeryAsync(Role role)
    {
        if (antiforgery.TryGetValue(role, out var token))
        {
            return token;
        }

        token = await AdminApp.AntiforgeryTokenAsync(await ClientAsync(role), role == Role.Anonymous ? "/account/login" : "/staff");
        antiforgery[role] = token;
        return token;
    }

    /// <summary>A new personal access token of the role's account, made as the token page makes it.</summary>
    public Task<string> TokenAsync(Role role, TokenScope scope) => App.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var email = EmailOf(role);
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        return (await services.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "matrix", scope, null, Ct)).Text;
    });

    public Task<Guid> TokenIdAsync(string token) =>
        App.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.TokenHash == AccessTokens.Hash(token)).Select(t => t.Id).SingleAsync(Ct));

    public Task<Guid> UserIdAsync(Role role) => App.WithDbAsync(db =>
    {
        var email = EmailOf(role);
        return db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    });

    public Task<Guid> GoalIdAsync(int year, int number) => App.WithDbAsync(db =>
        db.Goals.Where(g => g.Number == number && db.ReportingYears.Any(y => y.Id == g.ReportingYearId && y.Year == year))
            .Select(g => g.Id).SingleAsync(Ct));

    /// <summary>
    /// Puts 市民生活部's interim report in a status, on a revision never published before (so a
    /// publication never meets an earlier snapshot), and returns the state's version for the request.
    /// </summary>
    public Task<long> ArrangeReportAsync(ReportStatus status) => App.WithDbAsync(async db =>
    {
        var department = await db.OrgUnits.SingleAsync(u => u.Code == Department && db.ReportingYears.Any(y => y.Id == u.ReportingYearId && y.Year == 2022), Ct);
        var state = await db.ReportStates.SingleOrDefaultAsync(s => s.DepartmentId == department.Id && s.PhaseKey == Phase, Ct);
        if (state is null)
        {
            state = new ReportState { ReportingYearId = department.ReportingYearId, DepartmentId = department.Id, PhaseKey = Phase };
            db.ReportStates.Add(state);
        }

        var next = Interlocked.Increment(ref revision);
        state.Status = status;
        state.Revision = next;
        state.PublishedRevision = status == ReportStatus.Published ? next : null;
        state.ChangedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(Ct);
        return state.Version;
    });

    /// <summary>The version an indicator's interim actual has now (0 when it has none), as a caller reads it before a PUT.</summary>
    public Task<long> ActualVersionAsync(int goal, int indicator) => App.WithDbAsync(async db =>
        await db.IndicatorActuals.Where(a => a.PhaseKey == Phase && db.Indicators.Any(i => i.Id == a.IndicatorId && i.Ordinal == indicator
                && db.Goals.Any(g => g.Id == i.GoalId && g.Number == goal && db.ReportingYears.Any(y => y.Id == g.ReportingYearId && y.Year == 2022))))
            .Select(a => (long?)a.Version).SingleOrDefaultAsync(Ct) ?? 0);

    public Task<bool> IrumaHasYearAsync(int year) =>
        App.WithDbAsync(db => db.ReportingYears.AnyAsync(y => y.Year == year && db.Municipalities.Any(m => m.Id == y.MunicipalityId && m.Slug == "iruma"), Ct));

    /// <summary>How many goals a year has (with the given number, when one is given).</summary>
    public Task<int> GoalCountAsync(int year, int? number = null) =>
        App.WithDbAsync(db => db.Goals.CountAsync(g => (number == null || g.Number == number)
            && db.ReportingYears.Any(y => y.Id == g.ReportingYearId && y.Year == year), Ct));

    /// <summary>Opens 令和5年度 as planning staff would, so that goals can be carried into it.</summary>
    public Task OpenNextYearAsync() => App.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var iruma = await db.Municipalities.Where(m => m.Slug == "iruma").Select(m => m.Id).SingleAsync(Ct);
        var result = await services.GetRequiredService<FiscalYearOpener>().OpenNextAsync(iruma, 2023, Ct);
        Assert.Equal(OpenYearOutcome.Opened, result.Outcome);
        return 0;
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values.Concat(apiClients.Values))
        {
            client.Dispose();
        }

        gate.Dispose();
        await App.DisposeAsync();
    }
}
