using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Api;

/// <summary>Read endpoints for published goals under /api/v1: no sign-in, nothing unpublished.</summary>
public static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/municipalities").WithTags("Public");

        api.MapGet("/", ListMunicipalities)
            .WithName("ListMunicipalities")
            .WithSummary("Municipalities hosted here, with their published fiscal years.");

        api.MapGet("/{city}", GetMunicipality)
            .WithName("GetMunicipality")
            .WithSummary("One municipality, with its published fiscal years.");

        api.MapGet("/{city}/years/{year}", GetYear)
            .WithName("GetYear")
            .WithSummary("A fiscal year: each department's latest published report, summarized.");

        api.MapGet("/{city}/years/{year}/units", ListUnits)
            .WithName("ListUnits")
            .WithSummary("The organization units of a fiscal year, parents before children.");

        api.MapGet("/{city}/years/{year}/goals", ListGoals)
            .WithName("ListGoals")
            .WithSummary("Every published goal of a fiscal year, with its indicators, result and rating.");

        api.MapGet("/{city}/years/{year}/departments/{department}/report", GetReport)
            .WithName("GetDepartmentReport")
            .WithSummary("A department's latest published report: the same view model the web page renders.");

        api.MapGet("/{city}/years/{year}/departments/{department}/goals/{number:int}", GetGoal)
            .WithName("GetGoal")
            .WithSummary("One goal of a department's latest published report.");

        // Anything else under /api answers as an API does: problem details, not the HTML error page.
        app.MapFallback("/api/{**path}", (IStringLocalizer<SharedResource> text) => NotFound(text)).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<MunicipalityDto>>> ListMunicipalities(PublicCatalog catalog, CancellationToken ct)
    {
        var municipalities = await catalog.ListMunicipalitiesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MunicipalityDto>>([.. municipalities.Select(MunicipalityDto.From)]);
    }

    private static async Task<Results<Ok<MunicipalityDto>, ProblemHttpResult>> GetMunicipality(
        string city, PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Refuse(PublicPaths.Check(city, null, null, out _), text) is { } refused)
        {
            return refused;
        }

        var municipality = await catalog.FindMunicipalityAsync(city, ct);
        return municipality is null ? NotFound(text) : TypedResults.Ok(MunicipalityDto.From(municipality));
    }

    private static async Task<Results<Ok<YearDto>, ProblemHttpResult>> GetYear(
        string city, string year, PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Refuse(PublicPaths.Check(city, year, null, out var fiscalYear), text) is { } refused)
        {
            return refused;
        }

        var found = await catalog.FindYearAsync(city, fiscalYear, ct);
        return found is null ? NotFound(text) : TypedResults.Ok(YearDto.From(city, found));
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitDto>>, ProblemHttpResult>> ListUnits(
        string city, string year, PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Refuse(PublicPaths.Check(city, year, null, out var fiscalYear), text) is { } refused)
        {
            return refused;
        }

        var units = await catalog.FindUnitsAsync(city, fiscalYear, ct);
        if (units is null)
        {
            return NotFound(text);
        }

        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        return TypedResults.Ok<IReadOnlyList<UnitDto>>([.. units.Select(u => new UnitDto(
            u.Code, u.Name, u.Kind, u.ParentId is { } p ? codes[p] : null, u.IsReportingUnit,
            u.HeadTitle, u.HeadName, u.CompositionNote, u.Responsibilities))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<YearGoalDto>>, ProblemHttpResult>> ListGoals(
        string city, string year, PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Refuse(PublicPaths.Check(city, year, null, out var fiscalYear), text) is { } refused)
        {
            return refused;
        }

        var found = await catalog.FindYearAsync(city, fiscalYear, ct);
        if (found is null)
        {
            return NotFound(text);
        }

        return TypedResults.Ok<IReadOnlyList<YearGoalDto>>([.. found.Departments.SelectMany(r => r.Goals.Select(g =>
            new YearGoalDto(new ReportUnitRef(r.Department.Code, r.Department.Name, r.Department.Kind), r.Phase, g)))]);
    }

    private static async Task<Results<Ok<DepartmentReport>, ProblemHttpResult>> GetReport(
        string city, string year, string department, PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Refuse(PublicPaths.Check(city, year, department, out var fiscalYear), text) is { } refused)
        {
            return refused;
        }

        var report = await catalog.FindReportAsync(city, fiscalYear, department, cancellationToken: ct);
        return report is null ? NotFound(text) : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<ReportGoal>, ProblemHttpResult>> GetGoal(
        string city, string year, string department, int number, PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (Refuse(PublicPaths.Check(city, year, department, out var fiscalYear), text) is { } refused)
        {
            return refused;
        }

        var report = await catalog.FindReportAsync(city, fiscalYear, department, cancellationToken: ct);
        var goal = report?.Goals.FirstOrDefault(g => g.Number == number);
        return goal is null ? NotFound(text) : TypedResults.Ok(goal);
    }

    private static ProblemHttpResult? Refuse(RouteCheck check, IStringLocalizer<SharedResource> text) => check switch
    {
        RouteCheck.Malformed => Malformed(text),
        RouteCheck.NotFound => NotFound(text),
        _ => null,
    };

    private static ProblemHttpResult Malformed(IStringLocalizer<SharedResource> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Error.400.Title"], detail: text["Error.400.Detail"]);

    private static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["Error.404.Title"], detail: text["Error.404.Detail"]);
}

public sealed record LicenceDto(string Name, string Url);

public sealed record YearRefDto(int Year, string Label, string Url);

public sealed record MunicipalityDto(string Code, string Slug, string Name, string? NameEn, string? Prefecture,
    LicenceDto Licence, IReadOnlyList<YearRefDto> Years)
{
    public static MunicipalityDto From(PublicMunicipality m) => new(m.Code, m.Slug, m.Name, m.NameEn, m.Prefecture,
        new LicenceDto(m.LicenceName, m.LicenceUrl),
        [.. m.Years.Select(y => new YearRefDto(y.StartYear, Wareki.FormatFiscalYear(y), PublicPaths.Year(m.Slug, y.StartYear)))]);
}

public sealed record DepartmentSummaryDto(string Code, string Name, ReportPhase Phase, int Revision, DateTimeOffset PublishedAt,
    ReportSummary Summary, string Url, string ReportUrl, DocumentLinksDto Documents);

/// <summary>Where the same report is offered as files.</summary>
public sealed record DocumentLinksDto(string Pdf, string Xlsx);

/// <summary>Where a whole year is offered as files.</summary>
public sealed record YearDocumentsDto(string CompendiumPdf, string Xlsx, IReadOnlyList<string> OpenData);

public sealed record YearDto(string Municipality, int Year, string Label, IReadOnlyList<DepartmentSummaryDto> Departments, YearDocumentsDto Documents)
{
    public static YearDto From(string slug, PublicYear year) => new(year.MunicipalityName, year.FiscalYear.StartYear,
        Wareki.FormatFiscalYear(year.FiscalYear),
        [.. year.Departments.Select(r => new DepartmentSummaryDto(r.Department.Code, r.Department.Name, r.Phase, r.Revision, r.PublishedAt,
            r.Summary, PublicPaths.Report(slug, r.FiscalYear, r.Department.Code), PublicPaths.ApiReport(slug, r.FiscalYear, r.Department.Code),
            new DocumentLinksDto(PublicPaths.ReportPdf(slug, r.FiscalYear, r.Department.Code), PublicPaths.ReportXlsx(slug, r.FiscalYear, r.Department.Code))))],
        new YearDocumentsDto(PublicPaths.CompendiumPdf(slug, year.FiscalYear.StartYear), PublicPaths.YearXlsx(slug, year.FiscalYear.StartYear),
            [.. Mokuhyo.Documents.OpenData.OpenDataDataset.All.Select(d => PublicPaths.OpenDataFile(slug, year.FiscalYear.StartYear, d.FileName))]));
}

public sealed record UnitDto(string Code, string Name, string Kind, string? ParentCode, bool IsReportingUnit,
    string? HeadTitle, string? HeadName, string? CompositionNote, IReadOnlyList<string> Responsibilities);

public sealed record YearGoalDto(ReportUnitRef Department, ReportPhase Phase, ReportGoal Goal);
