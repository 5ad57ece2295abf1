using System.Net;
using System.Text.Json;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests;

public sealed class ApiTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(DatabaseProvider provider, string path)
    {
        var client = await apps.ClientAsync(provider);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Municipalities_are_listed_with_code_licence_and_years(DatabaseProvider provider)
    {
        var list = await GetJsonAsync(provider, "/api/v1/municipalities");

        var iruma = list.EnumerateArray().Single();
        Assert.Equal("112259", iruma.GetProperty("code").GetString());
        Assert.Equal("入間市", iruma.GetProperty("name").GetString());
        Assert.Contains("PDL1.0", iruma.GetProperty("licence").GetProperty("name").GetString(), StringComparison.Ordinal);
        var year = iruma.GetProperty("years").EnumerateArray().Single();
        Assert.Equal(2022, year.GetProperty("year").GetInt32());
        Assert.Equal("令和4年度", year.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Year_lists_departments_with_their_summary(DatabaseProvider provider)
    {
        var year = await GetJsonAsync(provider, "/api/v1/municipalities/iruma/years/2022");

        var department = year.GetProperty("departments").EnumerateArray().Single();
        Assert.Equal("shimin-seikatsu", department.GetProperty("code").GetString());
        var summary = department.GetProperty("summary");
        Assert.Equal([9, 2, 2, 5], new[] { "goals", "met", "notMet", "notRated" }.Select(p => summary.GetProperty(p).GetInt32()));
        Assert.Equal("/iruma/2022/shimin-seikatsu", department.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Units_form_the_tree_of_the_year(DatabaseProvider provider)
    {
        var units = await GetJsonAsync(provider, "/api/v1/municipalities/iruma/years/2022/units");

        var byName = units.EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.Equal(7, byName.Count);
        Assert.Equal("部", byName["市民生活部"].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, byName["市民生活部"].GetProperty("parentCode").ValueKind);
        Assert.Equal("jinken-suishin", byName["消費生活センター"].GetProperty("parentCode").GetString());
        Assert.Equal("センター", byName["男女共同参画推進センター"].GetProperty("kind").GetString());
        Assert.Equal("shimin-seikatsu", byName["交通防犯課"].GetProperty("parentCode").GetString());
        Assert.Equal(7, byName["市民生活部"].GetProperty("responsibilities").GetArrayLength());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Goals_of_the_year_name_their_department_and_lead_division(DatabaseProvider provider)
    {
        var goals = await GetJsonAsync(provider, "/api/v1/municipalities/iruma/years/2022/goals");

        Assert.Equal(9, goals.GetArrayLength());
        Assert.All(goals.EnumerateArray(), g => Assert.Equal("市民生活部", g.GetProperty("department").GetProperty("name").GetString()));
        var goal6 = goals.EnumerateArray().Single(g => g.GetProperty("goal").GetProperty("number").GetInt32() == 6);
        Assert.Equal("市民課", goal6.GetProperty("goal").GetProperty("leadUnit").GetProperty("name").GetString());
        Assert.Equal(2, goal6.GetProperty("goal").GetProperty("indicators").GetArrayLength());
    }

    [Fact]
    public async Task A_single_goal_can_be_read()
    {
        var goal = await GetJsonAsync(DatabaseProvider.Sqlite, "/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/goals/8");

        Assert.Equal("犯罪被害者等支援条例の制定", goal.GetProperty("title").GetString());
        var milestone = goal.GetProperty("indicators")[0];
        Assert.Equal("milestone", milestone.GetProperty("kind").GetString());
        Assert.Equal("2022-10-01", milestone.GetProperty("done").GetProperty("date").GetString());
        Assert.Equal("met", goal.GetProperty("rating").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Openapi_document_describes_every_read_endpoint()
    {
        var document = await GetJsonAsync(DatabaseProvider.Sqlite, "/openapi/v1.json");

        Assert.Equal("Mokuhyo public API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "/api/v1/municipalities",
            "/api/v1/municipalities/{city}",
            "/api/v1/municipalities/{city}/years/{year}",
            "/api/v1/municipalities/{city}/years/{year}/units",
            "/api/v1/municipalities/{city}/years/{year}/goals",
            "/api/v1/municipalities/{city}/years/{year}/departments/{department}/report",
            "/api/v1/municipalities/{city}/years/{year}/departments/{department}/goals/{number}",
        }, paths);
    }
}
