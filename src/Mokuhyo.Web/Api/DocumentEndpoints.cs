using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Documents;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Documents.OpenData;
using Mokuhyo.Documents.Pdf;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Api;

/// <summary>The published reports as files: open-data CSV (and the documents rendered from the same view model).</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{city}/{year}/opendata/{file}", OpenDataFileAsync)
            .WithName("GetOpenDataFile")
            .WithSummary("An open-data CSV file of a fiscal year: goals.csv, indicators.csv or plans.csv (UTF-8 with BOM, licence in the Link header).")
            .WithTags("Open data");
        app.MapGet("/{city}/{year}/{department}/report.pdf", async (string city, string year, string department, PublicCatalog catalog,
                IStringLocalizer<SharedResource> text, TimeProvider clock, MunicipalityAdministration municipalities, CancellationToken ct) =>
            {
                var brand = await PdfBranding.ForAsync(municipalities, city, ct);
                return await DepartmentFileAsync(city, year, department, catalog, text, MediaTypes.Pdf, "pdf",
                    (report, output) => new ReportPdfWriter(clock).WriteDepartment(report, output, brand), ct);
            })
            .WithName("GetReportPdf")
            .WithSummary("A department's latest published report as an A4 PDF (Japanese fonts embedded).")
            .WithTags("Documents");

        app.MapGet("/{city}/{year}/{department}/report.xlsx", (string city, string year, string department, PublicCatalog catalog,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                DepartmentFileAsync(city, year, department, catalog, text, MediaTypes.Xlsx, "xlsx",
                    (report, output) => WorkbookExporter.Write([report], output), ct))
            .WithName("GetReportWorkbook")
            .WithSummary("A department's latest published report in the documented Excel template.")
            .WithTags("Documents");

        app.MapGet("/{city}/{year}/compendium.pdf", async (string city, string year, PublicCatalog catalog,
                IStringLocalizer<SharedResource> text, TimeProvider clock, MunicipalityAdministration municipalities, CancellationToken ct) =>
            {
                var brand = await PdfBranding.ForAsync(municipalities, city, ct);
                return await YearFileAsync(city, year, catalog, text, MediaTypes.Pdf, "compendium.pdf",
                    (found, output) => new ReportPdfWriter(clock).WriteCompendium(found.MunicipalityName,
                        Wareki.FormatFiscalYear(found.FiscalYear), found.Departments, output, brand), ct);
            })
            .WithName("GetCompendiumPdf")
            .WithSummary("Every department's latest published report of a fiscal year in one PDF, with a cover and a table of contents.")
            .WithTags("Documents");

        app.MapGet("/{city}/{year}/goals.xlsx", (string city, string year, PublicCatalog catalog,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                YearFileAsync(city, year, catalog, text, MediaTypes.Xlsx, "goals.xlsx",
                    (found, output) => WorkbookExporter.Write(found.Departments, output), ct))
            .WithName("GetYearWorkbook")
            .WithSummary("Every department's latest published report of a fiscal year in the documented Excel template.")
            .WithTags("Documents");
        return app;
    }

    private static async Task<IResult> DepartmentFileAsync(string city, string year, string department, PublicCatalog catalog,
        IStringLocalizer<SharedResource> text, string contentType, string extension, Action<DepartmentReport, Stream> write,
        CancellationToken ct)
    {
        var check = PublicPaths.Check(city, year, department, out var fiscalYear);
        if (check != RouteCheck.WellFormed)
        {
            return check == RouteCheck.Malformed ? Problem(StatusCodes.Status400BadRequest, text, "400") : Problem(StatusCodes.Status404NotFound, text, "404");
        }

        var report = await catalog.FindReportAsync(city, fiscalYear, department, cancellationToken: ct);
        if (report is null)
        {
            return Problem(StatusCodes.Status404NotFound, text, "404");
        }

        // The writers are synchronous; documents are small, so they are made in memory and sent whole.
        using var buffer = new MemoryStream();
        write(report, buffer);
        var name = $"{report.Municipality.Code}_{report.FiscalYear}_{report.Department.Code}.{extension}";
        return TypedResults.File(buffer.ToArray(), contentType, name);
    }

    private static async Task<IResult> YearFileAsync(string city, string year, PublicCatalog catalog, IStringLocalizer<SharedResource> text,
        string contentType, string fileName, Action<PublicYear, Stream> write, CancellationToken ct)
    {
        var check = PublicPaths.Check(city, year, null, out var fiscalYear);
        if (check != RouteCheck.WellFormed)
        {
            return check == RouteCheck.Malformed ? Problem(StatusCodes.Status400BadRequest, text, "400") : Problem(StatusCodes.Status404NotFound, text, "404");
        }

        var found = await catalog.FindYearAsync(city, fiscalYear, ct);
        if (found is null)
        {
            return Problem(StatusCodes.Status404NotFound, text, "404");
        }

        using var buffer = new MemoryStream();
        write(found, buffer);
        var code = found.Departments[0].Municipality.Code;
        return TypedResults.File(buffer.ToArray(), contentType, $"{code}_{fiscalYear.StartYear}_{fileName}");
    }

    private static async Task<IResult> OpenDataFileAsync(string city, string year, string file, HttpContext context,
        PublicCatalog catalog, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var check = PublicPaths.Check(city, year, null, out var fiscalYear);
        if (check == RouteCheck.Malformed)
        {
            return Problem(StatusCodes.Status400BadRequest, text, "400");
        }

        if (check == RouteCheck.NotFound || !OpenDataDataset.TryFind(file, out var dataset))
        {
            return Problem(StatusCodes.Status404NotFound, text, "404");
        }

        var municipality = await catalog.FindMunicipalityAsync(city, ct);
        var found = municipality is null ? null : await catalog.FindYearAsync(city, fiscalYear, ct);
        if (municipality is null || found is null)
        {
            return Problem(StatusCodes.Status404NotFound, text, "404");
        }

        var openData = OpenDataContext.For(municipality);
        context.Response.Headers.Append("Link", $"<{municipality.LicenceUrl}>; rel=\"license\"");
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{dataset.DownloadFileName(openData, fiscalYear)}\"";
        return Results.Stream(
            output => OpenDataCsvWriter.WriteAsync(dataset, openData, found.Departments, output, ct),
            OpenDataDataset.ContentType);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, IStringLocalizer<SharedResource> text, string key) =>
        TypedResults.Problem(statusCode: status, title: text[$"Error.{key}.Title"], detail: text[$"Error.{key}.Detail"]);
}
