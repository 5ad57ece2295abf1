using System.Net;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Templates;

/// <summary>The sample municipalities of the example formats on the public pages, beside the seed city.</summary>
public sealed class ExamplePagesTests(ExamplePagesTests.App app) : IClassFixture<ExamplePagesTests.App>
{
    private const string Notice = "この自治体のデータは様式の見本(架空の内容)です。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Examples => new(ExampleFacts.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_report_page_shows_the_example_in_its_own_format_and_says_it_is_a_sample(string name)
    {
        var facts = ExampleFacts.Named(name);
        using var client = app.Instance.NewClient();
        var page = await Html.GetAsync(client, $"/{facts.Slug}/{facts.Year}/{facts.Department.Unit}");
        var text = Compact(page.Body!.TextContent);

        Assert.Contains(Notice, page.QuerySelector(".notice--example")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Compact(string.Format(System.Globalization.CultureInfo.InvariantCulture, facts.Format.Labels.HeadingPattern, facts.Format.Labels.GoalsHeading)),
            text, StringComparison.Ordinal);
        foreach (var title in facts.PlanSectionTitles)
        {
            Assert.Contains(Compact(title), text, StringComparison.Ordinal);
        }

        foreach (var fact in facts.TextsIn("html"))
        {
            Assert.Contains(Compact(fact), text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_is_listed_marked_and_downloadable_in_every_format(string name)
    {
        var facts = ExampleFacts.Named(name);
        using var client = app.Instance.NewClient();

        var home = await Html.GetAsync(client, "/");
        Assert.Contains(facts.File.Municipality.Name, home.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await Html.GetAsync(client, $"/{facts.Slug}")).QuerySelector(".notice--example"));
        Assert.NotNull((await Html.GetAsync(client, $"/{facts.Slug}/{facts.Year}")).QuerySelector(".notice--example"));

        foreach (var (path, type) in new[]
        {
            ($"/{facts.Slug}/{facts.Year}/{facts.Department.Unit}/report.pdf", "application/pdf"),
            ($"/{facts.Slug}/{facts.Year}/{facts.Department.Unit}/report.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ($"/{facts.Slug}/{facts.Year}/opendata/fields.csv", "text/csv"),
        })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_seed_city_is_not_marked_as_a_sample()
    {
        using var client = app.Instance.NewClient();
        var page = await Html.GetAsync(client, "/iruma/2022/shimin-seikatsu");

        Assert.Null(page.QuerySelector(".notice--example"));
        Assert.DoesNotContain(Notice, page.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string Compact(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    public sealed class App : IAsyncLifetime
    {
        public AdminApp Instance { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Instance = await AdminApp.StartAsync(exampleData: true);

        public async ValueTask DisposeAsync() => await Instance.DisposeAsync();
    }
}
