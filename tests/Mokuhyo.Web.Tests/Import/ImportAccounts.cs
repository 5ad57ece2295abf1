using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Import;

/// <summary>Accounts, departments and report states the import tests need beyond the demo data.</summary>
internal static class ImportAccounts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A second department of 入間市 in 令和4年度 (環境経済部), with an editor bound to it alone.</summary>
    public const string OtherDepartmentEditor = "kankyo@iruma.example.jp";

    /// <summary>The planning office of another municipality (秩父市), which has no 令和4年度.</summary>
    public const string OtherCityPlanner = "kikaku@chichibu.example.jp";

    public static async Task AddOtherDepartmentAsync(AuthoringApp app) => await WithServicesAsync(app, async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var year = await db.ReportingYears.SingleAsync(y => y.Year == 2022 && y.Municipality!.Slug == "iruma", Ct);
        db.OrgUnits.Add(new OrgUnit { ReportingYearId = year.Id, Code = "kankyo-keizai", Name = "環境経済部", Kind = "部", IsReportingUnit = true, SortOrder = 100 });
        await db.SaveChangesAsync(Ct);
        await CreateAsync(services, OtherDepartmentEditor, "環境経済部 担当", year.MunicipalityId, StaffRoles.Editor,
            [new UnitAssignment { UnitCode = "kankyo-keizai", Role = AssignmentRole.Editor }]);
    });

    public static async Task AddOtherCityAsync(AuthoringApp app) => await WithServicesAsync(app, async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var city = new Municipality { Code = "112071", Slug = "chichibu", Name = "秩父市" };
        db.Municipalities.Add(city);
        await db.SaveChangesAsync(Ct);
        await CreateAsync(services, OtherCityPlanner, "秩父市 企画", city.Id, StaffRoles.Planning, []);
    });

    /// <summary>Puts 市民生活部's report of a phase of 令和4年度 in a status, as review would have left it.</summary>
    public static async Task SetStatusAsync(AuthoringApp app, string phase, ReportStatus status) => await WithServicesAsync(app, async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var year = await db.ReportingYears.SingleAsync(y => y.Year == 2022 && y.Municipality!.Slug == "iruma", Ct);
        var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu" && u.ReportingYearId == year.Id, Ct);
        var state = await db.ReportStates.SingleOrDefaultAsync(s => s.DepartmentId == department.Id && s.PhaseKey == phase, Ct);
        if (state is null)
        {
            state = new ReportState { ReportingYearId = department.ReportingYearId, DepartmentId = department.Id, PhaseKey = phase };
            db.ReportStates.Add(state);
        }

        state.Status = status;
        await db.SaveChangesAsync(Ct);
    });

    /// <summary>The audit entries of imports: who imported, into which phase, from which kind of workbook.</summary>
    public static Task<List<AuditEntry>> ImportEntriesAsync(AuthoringApp app) =>
        app.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "imported").ToListAsync(Ct));

    private static async Task CreateAsync(IServiceProvider services, string email, string name, Guid municipalityId, string role,
        List<UnitAssignment> assignments)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = name, MunicipalityId = municipalityId, Assignments = assignments };
        Assert.True((await users.CreateAsync(user, AuthoringApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private static async Task WithServicesAsync(AuthoringApp app, Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
