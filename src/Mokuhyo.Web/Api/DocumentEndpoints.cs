using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Documents.OpenData;
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
        return app;
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
