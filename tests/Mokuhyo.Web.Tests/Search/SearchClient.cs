using System.Net;
using System.Text.Json;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Web.Tests.Search;

/// <summary>Calls the search API and reads what the seed department publishes, to know what a search must find.</summary>
internal static class SearchClient
{
    public const string ReportJsonPath = "/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/report";

    public static string Url(string q, string extra = "") =>
        "/api/v1/search?q=" + Uri.EscapeDataString(q) + extra;

    public static async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Every hit of a query, page after page; asserts 200 on each.</summary>
    public static async Task<List<JsonElement>> AllHitsAsync(HttpClient client, string q, string extra = "")
    {
        var hits = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var (status, body, _) = await GetAsync(client, Url(q, extra + "&pageSize=100&page=" + page));
            Assert.Equal(HttpStatusCode.OK, status);
            hits.AddRange(body.GetProperty("results").EnumerateArray());
            if (page >= body.GetProperty("pageCount").GetInt32())
            {
                return hits;
            }
        }
    }

    /// <summary>The seed report as the public API returns it.</summary>
    public static async Task<(DepartmentReport Report, JsonElement Json)> SeedReportAsync(HttpClient client)
    {
        var text = await client.GetStringAsync(new Uri(ReportJsonPath, UriKind.Relative), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return (ReportJson.Deserialize(text), document.RootElement.Clone());
    }

    /// <summary>
    /// Where a term occurs in the published JSON, read independently of the index: each goal, each plan
    /// section and the department's units, by every string they hold.
    /// </summary>
    public static SortedSet<string> OccurrencesInJson(JsonElement report, string term)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (Strings(report.GetProperty("department")).Any(s => s.Contains(term, StringComparison.OrdinalIgnoreCase)))
        {
            found.Add("department-heading");
        }

        foreach (var section in report.GetProperty("planSections").EnumerateArray())
        {
            if (Strings(section).Any(s => s.Contains(term, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add("plan-" + section.GetProperty("key").GetString());
            }
        }

        foreach (var goal in report.GetProperty("goalGroups").EnumerateArray().SelectMany(g => g.GetProperty("goals").EnumerateArray()))
        {
            if (Strings(goal).Any(s => s.Contains(term, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add("goal-" + goal.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return found;
    }

    /// <summary>What a query must find among the seed's entries: every term in one entry, by plain substring on the folded text.</summary>
    public static SortedSet<string> Expected(DepartmentReport report, IEnumerable<string> terms, string? rating = null)
    {
        var folded = terms.Select(t => t.ToLowerInvariant()).ToList();
        return new SortedSet<string>(
            SearchDocuments.Build(report, Guid.Empty, Guid.Empty, 0)
                .Where(e => rating is null || e.RatingOutcome == rating)
                .Where(e => folded.All(t => e.Text.ToLowerInvariant().Contains(t, StringComparison.Ordinal)))
                .Select(e => e.Anchor),
            StringComparer.Ordinal);
    }

    public static SortedSet<string> Anchors(IEnumerable<JsonElement> hits) =>
        new(hits.Select(h => h.GetProperty("url").GetString()!.Split('#')[1]), StringComparer.Ordinal);

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
