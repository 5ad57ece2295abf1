using AngleSharp;
using AngleSharp.Dom;

namespace Mokuhyo.Web.Tests;

/// <summary>Fetches pages and parses them as a browser would.</summary>
internal static class Html
{
    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
