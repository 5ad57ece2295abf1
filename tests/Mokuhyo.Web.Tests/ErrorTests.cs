using System.Net;
using System.Text.Json;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests;

/// <summary>Unknown things are a Japanese 404, malformed ones a 400, and nothing reaches a 500.</summary>
public sealed class ErrorTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/nowhere")]
    [InlineData("/iruma/2031")]
    [InlineData("/iruma/2022/no-such-department")]
    [InlineData("/iruma/2022/shimin-seikatsu/extra/segments")]
    [InlineData("/no-such-page.html")]
    [InlineData("/Iruma")]
    [InlineData("/-iruma")]
    [InlineData("/api")]
    public async Task Unknown_pages_get_a_japanese_404_page(string path)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ページが見つかりません", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/iruma/abcd")]
    [InlineData("/iruma/20222")]
    [InlineData("/iruma/1800")]
    [InlineData("/iruma/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%92")]
    [InlineData("/iruma/2022/Shimin-Seikatsu")]
    [InlineData("/iruma/2022/%E5%B8%82%E6%B0%91")]
    [InlineData("/iruma/2022/shimin_seikatsu")]
    public async Task Malformed_parameters_get_a_japanese_400_page(string path)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("リクエストの形式が正しくありません", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/api/v1/municipalities/iruma/years/abcd", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/municipalities/IRUMA", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/municipalities/iruma/years/2022/departments/%3Cscript%3E/report", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/municipalities/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/municipalities/iruma/years/2031", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/municipalities/iruma/years/2022/departments/no-such/report", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/goals/10", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task Api_errors_are_problem_details_in_japanese(string path, HttpStatusCode expected)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.RootElement.GetProperty("title").GetString()!);
    }

    [Theory]
    [InlineData("/iruma/2022/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/iruma/2022/shimin-seikatsu?phase=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/iruma/%E2%80%AE2202")]
    [InlineData("/iruma/%27%20OR%201%3D1--")]
    [InlineData("/iruma/2022/%F0%A0%AE%B7")]
    [InlineData("/culture/xx")]
    [InlineData("/error/999")]
    [InlineData("/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/goals/99999999999")]
    [InlineData("/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Hostile_addresses_never_reach_a_server_error(string path)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
