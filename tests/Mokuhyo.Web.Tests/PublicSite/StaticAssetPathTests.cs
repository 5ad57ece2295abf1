using System.Net;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests.PublicSite;

/// <summary>
/// Odd requests for static files are answered as missing or as the file, never with a 500. The compressed copies
/// that MapStaticAssets negotiates (site.css.gz) are also routes of their own: served with their encoding.
/// </summary>
public sealed class StaticAssetPathTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/css/")]
    [InlineData("/css")]
    [InlineData("/css/..%2fappsettings.json")]
    [InlineData("/css/%2e%2e/appsettings.json")]
    [InlineData("/appsettings.json")]
    public async Task Odd_static_paths_are_not_found_and_never_an_error(string path)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("\"ConnectionStrings\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/css/site.css.gz", "gzip")]
    [InlineData("/css/site.css.br", "br")]
    public async Task A_compressed_copy_requested_by_name_is_missing_or_served_with_its_encoding(string path, string encoding)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task The_stylesheet_is_served_compressed_to_a_client_that_accepts_it()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(Ct), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Contains(".skip-link", await reader.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }
}
