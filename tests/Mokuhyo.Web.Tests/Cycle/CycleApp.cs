using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Cycle;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Cycle;

/// <summary>A clock the test moves, so a report can become late without waiting.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public void Set(DateTimeOffset to) => now = to;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>
/// The application on a database of its own with a movable clock, the worker not running on its own
/// (the test runs its rounds) and, when given, a test SMTP server.
/// </summary>
public sealed class CycleApp : WebApplicationFactory<Program>
{
    public const string Interim = "/staff/2022/shimin-seikatsu/interim";

    private readonly string file = Path.Combine(Path.GetTempPath(), $"mokuhyo-cycle-{Guid.NewGuid():N}.db");
    private readonly int? smtpPort;

    private CycleApp(DateTimeOffset now, int? smtpPort)
    {
        Clock = new MovableClock(now);
        this.smtpPort = smtpPort;
    }

    public MovableClock Clock { get; }

    /// <summary>Starts at 9:00 on the given day in Tokyo.</summary>
    public static CycleApp Start(int year, int month, int day, int? smtpPort = null)
    {
        var app = new CycleApp(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(9)), smtpPort);
        _ = app.Server;
        return app;
    }

    public void SetToday(int year, int month, int day) => Clock.Set(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(9)));

    public Task RunWorkerAsync() => Services.GetRequiredService<CycleWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    public StaffClient Anonymous() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<StaffClient> SignInAsync(string email)
    {
        var client = Anonymous();
        var page = await client.GetPageAsync("/account/login");
        var form = FormData.Of(page, "main form");
        form.Set("Input.Email", email).Set("Input.Password", AuthoringApp.Password);
        using var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<T> ReadAsync<T>(Func<MokuhyoDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>());
    }

    /// <summary>Puts 市民生活部's interim report in a status directly, as if its editors had worked on it.</summary>
    public Task SetInterimStatusAsync(ReportStatus status) => ReadAsync(async db =>
    {
        var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu");
        var state = await db.ReportStates.SingleOrDefaultAsync(s => s.DepartmentId == department.Id && s.PhaseKey == "interim");
        if (state is null)
        {
            state = new ReportState { ReportingYearId = department.ReportingYearId, DepartmentId = department.Id, PhaseKey = "interim" };
            db.ReportStates.Add(state);
        }

        state.Status = status;
        state.ChangedAt = Clock.GetUtcNow();
        state.ChangedBy = "市民生活部 庶務担当(デモ)";
        return await db.SaveChangesAsync();
    });

    /// <summary>Sets the interim calendar through the planning staff's page.</summary>
    public async Task SetInterimCalendarAsync(StaffClient planning, string opens, string submit, string approve, string publish)
    {
        var page = await planning.GetPageAsync("/staff/cycle/2022/calendar");
        var form = FormData.Of(page, "#phase-interim form");
        form.Set("Input.OpensOn", opens).Set("Input.SubmitBy", submit).Set("Input.ApproveBy", approve).Set("Input.PublishOn", publish);
        var (status, _, _) = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Save", form);
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={file}");
        builder.UseSetting("Cycle:WorkerEnabled", "false");
        builder.UseSetting("Cycle:PublicBaseUrl", "https://mokuhyo.city.example.jp");
        if (smtpPort is { } port)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:From", "入間市 目標管理 <mokuhyo@iruma.example.jp>");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
