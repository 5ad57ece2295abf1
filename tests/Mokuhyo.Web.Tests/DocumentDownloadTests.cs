using System.Net;
using System.Text.Json;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests;

/// <summary>The published report as files: served, named, typed, and declared by the pages and the API.</summary>
public sealed class DocumentDownloadTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/iruma/2022/shimin-seikatsu/report.pdf", "application/pdf", "112259_2022_shimin-seikatsu.pdf", "%PDF-")]
    [InlineData("/iruma/2022/compendium.pdf", "application/pdf", "112259_2022_compendium.pdf", "%PDF-")]
    [InlineData("/iruma/2022/shimin-seikatsu/report.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "112259_2022_shimin-seikatsu.xlsx", "PK")]
    [InlineData("/iruma/2022/goals.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "112259_2022_goals.xlsx", "PK")]
    public async Task Documents_are_served_with_their_type_and_a_download_name(string path, string mediaType, string fileName, string magic)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length));
    }

    [Theory]
    [InlineData("/iruma/2022/no-such/report.pdf", HttpStatusCode.NotFound)]
    [InlineData("/iruma/2031/compendium.pdf", HttpStatusCode.NotFound)]
    [InlineData("/iruma/abcd/goals.xlsx", HttpStatusCode.BadRequest)]
    [InlineData("/iruma/2022/Bad_Code/report.xlsx", HttpStatusCode.BadRequest)]
    public async Task Unknown_or_malformed_document_addresses_are_problems(string path, HttpStatusCode expected)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Report_page_declares_pdf_and_excel_alternates_that_answer()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var page = await Html.GetAsync(client, "/iruma/2022/shimin-seikatsu");

        var alternates = page.Head!.QuerySelectorAll("link[rel=alternate]").ToDictionary(l => l.GetAttribute("href")!, l => l.GetAttribute("type"));
        Assert.Equal("application/pdf", alternates["/iruma/2022/shimin-seikatsu/report.pdf"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", alternates["/iruma/2022/shimin-seikatsu/report.xlsx"]);
        foreach (var (href, type) in alternates)
        {
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_api_links_every_document_of_the_year()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var year = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/municipalities/iruma/years/2022", UriKind.Relative), Ct));

        var documents = year.RootElement.GetProperty("documents");
        var department = year.RootElement.GetProperty("departments")[0].GetProperty("documents");
        string[] links =
        [
            documents.GetProperty("compendiumPdf").GetString()!, documents.GetProperty("xlsx").GetString()!,
            .. documents.GetProperty("openData").EnumerateArray().Select(e => e.GetString()!),
            department.GetProperty("pdf").GetString()!, department.GetProperty("xlsx").GetString()!,
        ];
        Assert.Equal(8, links.Length); // goals, indicators, plans and fields.csv among them
        foreach (var link in links)
        {
            using var response = await client.GetAsync(new Uri(link, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
