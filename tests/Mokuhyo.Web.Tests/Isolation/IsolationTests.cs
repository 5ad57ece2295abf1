using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Isolation;

/// <summary>
/// No page, API call, document or error of one city ever shows another city's unpublished data. Every
/// staff page (each of its handlers) and staff API action is found in the app's own endpoints, so a
/// route added later is covered without touching this test; its route values are filled with the
/// other city's identifiers and it is called as every account of each city, both directions.
/// </summary>
public abstract partial class IsolationTests(TwoCities cities)
{
    private static readonly Uri Base = new("http://localhost");

    /// <summary>Staff routes the generic walk cannot call, each with the reason and the test that covers it instead.</summary>
    private static readonly Dictionary<string, string> NotWalked = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Route parameters that name nothing of a city, so a route with only these may answer 200 with the caller's own data.</summary>
    private static readonly HashSet<string> Neutral = new(StringComparer.Ordinal) { "phase", "ordinal" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Directions => new("iruma→tokorozawa", "tokorozawa→iruma");

    [Fact]
    public void Every_staff_route_is_walked_or_listed_with_a_reason()
    {
        cities.SkipIfUnavailable();
        var problems = new List<string>();
        foreach (var route in StaffRoutes(cities.App))
        {
            if (NotWalked.ContainsKey(route.Pattern))
            {
                continue;
            }

            problems.AddRange(route.Parameters.Where(p => !Known(p)).Select(p => $"{route.Pattern}: parameter {{{p}}} has no value in the isolation test"));
            if (route.Methods.Count == 0)
            {
                problems.Add($"{route.Pattern}: no handler found (page model type not resolved)");
            }
        }

        Assert.True(problems.Count == 0, "Add the parameter to IsolationTests.Values or list the route in NotWalked with a reason:\n" + string.Join("\n", problems));
        Assert.Contains(StaffRoutes(cities.App), r => r.Pattern == "/staff/{year}/{department}/{phase}/goals/{number}");
        Assert.Contains(StaffRoutes(cities.App), r => r.Pattern.StartsWith("/api/v1/staff/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Directions), MemberType = typeof(IsolationTests))]
    public async Task Staff_of_one_city_never_see_or_change_the_other_citys_data(string direction)
    {
        cities.SkipIfUnavailable();
        var (own, other) = direction.StartsWith("iruma", StringComparison.Ordinal) ? (cities.Iruma, cities.Tokorozawa) : (cities.Tokorozawa, cities.Iruma);
        var before = await FingerprintAsync(other);
        var failures = new List<string>();
        var calls = 0;
        foreach (var role in TwoCities.Roles.Prepend("anonymous"))
        {
            using var client = role == "anonymous" ? cities.App.NewClient() : await cities.App.SignedInAsync(own.Accounts[role], TwoCities.PasswordOf(own.Accounts[role]));
            var token = await AdminApp.AntiforgeryTokenAsync(client, role == "anonymous" ? "/account/login" : "/staff");
            foreach (var route in StaffRoutes(cities.App).Where(r => !NotWalked.ContainsKey(r.Pattern)))
            {
                foreach (var path in Paths(route, other))
                {
                    foreach (var (method, handler) in route.Methods)
                    {
                        calls++;
                        var target = handler is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
                        using var response = await SendAsync(client, route, method, target, token, other);
                        var body = await response.Content.ReadAsStringAsync(Ct);
                        var seen = $"{role}@{own.Slug} {method} {target}{(handler is null ? "" : "")}: {(int)response.StatusCode} {response.Headers.Location}";
                        if (response.StatusCode == HttpStatusCode.InternalServerError)
                        {
                            failures.Add(seen + " (server error)");
                        }

                        if (Leaks(body, other) is { } leaked)
                        {
                            failures.Add($"{seen} shows {leaked}");
                        }

                        if (route.Identifying && !Refused(response, role == "anonymous", route.IsApi))
                        {
                            failures.Add(seen + " (expected 403 or 404)");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls:\n" + string.Join("\n", failures.Take(60)));
        Assert.Equal(before, await FingerprintAsync(other));
        Assert.True(calls > 200, $"only {calls} calls were made");
    }

    [Fact]
    public async Task Public_pages_documents_and_search_never_show_unpublished_drafts()
    {
        cities.SkipIfUnavailable();
        var failures = new List<string>();
        var calls = 0;
        var readers = new List<HttpClient> { cities.App.NewClient() };
        readers.Add(await cities.App.SignedInAsync(cities.Iruma.Accounts["administrator"], TwoCities.PasswordOf(cities.Iruma.Accounts["administrator"])));
        readers.Add(await cities.App.SignedInAsync(cities.Tokorozawa.Accounts["administrator"], TwoCities.Password));
        try
        {
            foreach (var reader in readers)
            {
                foreach (var city in new[] { cities.Iruma, cities.Tokorozawa })
                {
                    var paths = PublicRoutes(cities.App).SelectMany(r => Paths(r, city)).ToList();
                    // Open-data files are named by the page that lists them; search pages get a query that the drafts would answer.
                    paths.AddRange(await LinksAsync(reader, $"/{city.Slug}/opendata", ".csv"));
                    foreach (var path in paths.Distinct(StringComparer.Ordinal))
                    {
                        foreach (var query in new[] { "", "q=ISOLATION", "q=未公開" })
                        {
                            calls++;
                            var target = query.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
                            using var response = await reader.GetAsync(new Uri(target, UriKind.Relative), Ct);
                            var text = await BodyTextAsync(response);
                            if (response.StatusCode == HttpStatusCode.InternalServerError)
                            {
                                failures.Add($"GET {target}: server error");
                            }

                            foreach (var marker in new[] { TwoCities.IrumaMarker, TwoCities.TokorozawaMarker })
                            {
                                if (text.Contains(marker, StringComparison.Ordinal))
                                {
                                    failures.Add($"GET {target}: {(int)response.StatusCode} shows the unpublished {marker}");
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(calls > 30, $"only {calls} calls were made");
    }

    /// <summary>A staff route as the app maps it: its pattern, its parameters and each method and handler it answers.</summary>
    public sealed record StaffRoute(string Pattern, IReadOnlyList<string> Parameters, IReadOnlyList<(string Method, string? Handler)> Methods, bool IsApi)
    {
        public bool Identifying => Parameters.Any(p => !Neutral.Contains(p));
    }

    private static bool Known(string parameter) => parameter is "year" or "department" or "phase" or "number" or "code" or "ordinal" or "city" or "id";

    /// <summary>The values a parameter takes to name something of <paramref name="city"/>; a GUID is tried as each kind of thing the city has.</summary>
    private static IEnumerable<string> Values(string parameter, City city) => parameter switch
    {
        "year" => [city.Year.ToString(CultureInfo.InvariantCulture)],
        "department" => [city.Department],
        "phase" => ["interim"],
        "number" => [city.MarkedGoal.ToString(CultureInfo.InvariantCulture)],
        "code" => [city.Division, city.PolicyCode],
        "ordinal" => ["1"],
        "city" => [city.Slug],
        "id" => city.Guids.Select(g => g.ToString()),
        "file" => ["goals.csv"],
        _ => [],
    };

    private static IEnumerable<string> Paths(StaffRoute route, City city)
    {
        IEnumerable<string> paths = [route.Pattern];
        foreach (var parameter in route.Parameters)
        {
            var values = Values(parameter, city).ToList();
            paths = paths.SelectMany(p => values.Select(v => ParameterPattern().Replace(p, m => m.Groups[2].Value == parameter ? v : m.Value)));
        }

        // Query strings the pages read (a year, a municipality to preselect) name the other city too.
        return paths.Where(p => !p.Contains('{', StringComparison.Ordinal))
            .Select(p => route.IsApi ? p : $"{p}?year={city.Year}&municipality={city.Id}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, StaffRoute route, string method, string path, string token, City other)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method != "GET")
        {
            request.Content = route.IsApi
                ? JsonContent.Create(new { action = "submit", version = 0, value = 1, comment = "isolation" })
                : new FormUrlEncodedContent(
                [
                    new("__RequestVerificationToken", token),
                    new("Input.MunicipalityId", other.Id.ToString()),
                    new("municipality", other.Id.ToString()),
                    new("department", other.Department),
                    new("Input.Name", "越境"),
                    new("Input.Title", "越境"),
                    new("comment", "越境"),
                    new("action", "Submit"),
                ]);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>Another city's identifier must get 403 or 404 (a page may send a refused browser to /account/denied, an anonymous one to sign in).</summary>
    private static bool Refused(HttpResponseMessage response, bool anonymous, bool api)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return true;
        }

        if (anonymous)
        {
            return api ? status == HttpStatusCode.Unauthorized
                : status == HttpStatusCode.Redirect && new Uri(Base, response.Headers.Location!).AbsolutePath == "/account/login";
        }

        return !api && status == HttpStatusCode.Redirect && new Uri(Base, response.Headers.Location!).AbsolutePath == "/account/denied";
    }

    private static string? Leaks(string body, City other)
    {
        if (body.Contains(other.Marker, StringComparison.Ordinal))
        {
            return "the unpublished marker";
        }

        return other.UnitNames.FirstOrDefault(n => body.Contains(n, StringComparison.Ordinal)) is { } name ? $"the unit name {name}" : null;
    }

    private static async Task<string> BodyTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        // Workbooks and PDFs are compressed: their text is looked for where it is readable (the sheets' shared strings, the PDF's text).
        if (type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
            return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd()));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static async Task<IEnumerable<string>> LinksAsync(HttpClient client, string page, string suffix)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        return [.. HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.EndsWith(suffix, StringComparison.Ordinal))];
    }

    /// <summary>What the other city holds: it must read the same after every call of the walk.</summary>
    private Task<string> FingerprintAsync(City city) => cities.App.WithDbAsync(async db =>
    {
        var years = await db.ReportingYears.Where(y => y.MunicipalityId == city.Id).Select(y => y.Id).ToListAsync(Ct);
        var goals = await db.Goals.Where(g => years.Contains(g.ReportingYearId)).OrderBy(g => g.Id).Select(g => g.Id + g.Title + g.Version).ToListAsync(Ct);
        var units = await db.OrgUnits.Where(u => years.Contains(u.ReportingYearId)).OrderBy(u => u.Id).Select(u => u.Name + u.Version).ToListAsync(Ct);
        var states = await db.ReportStates.Where(s => years.Contains(s.ReportingYearId)).OrderBy(s => s.Id).Select(s => s.Status + ":" + s.Version).ToListAsync(Ct);
        var users = await db.Users.Where(u => u.MunicipalityId == city.Id).OrderBy(u => u.Id)
            .Select(u => u.Email + u.ConcurrencyStamp + u.LockoutEnd).ToListAsync(Ct);
        var municipality = await db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.Slug + m.Name + m.Version).SingleAsync(Ct);
        var tokens = await db.PersonalAccessTokens.CountAsync(t => db.Users.Any(u => u.Id == t.UserId && u.MunicipalityId == city.Id && t.RevokedAt == null), Ct);
        return string.Join("|", [municipality, years.Count.ToString(CultureInfo.InvariantCulture), tokens.ToString(CultureInfo.InvariantCulture),
            .. goals, .. units, .. states, .. users]);
    });

    /// <summary>Every staff page (with its handlers) and staff API action the app maps.</summary>
    private static List<StaffRoute> StaffRoutes(AdminApp app)
    {
        var views = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .ToDictionary(a => a.Identifier, a => a.Type, StringComparer.OrdinalIgnoreCase);
        var routes = new List<StaffRoute>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isApi = pattern.StartsWith("/api/v1/staff/", StringComparison.Ordinal);
            if (!isApi && !(pattern == "/staff" || pattern.StartsWith("/staff/", StringComparison.Ordinal)))
            {
                continue;
            }

            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (isApi)
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                routes.Add(new StaffRoute(pattern, parameters, [.. methods.Select(m => (m, (string?)null))], true));
                continue;
            }

            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            var model = page is not null && views.TryGetValue(page.RelativePath, out var view) ? view.GetProperty("Model")?.PropertyType : null;
            var handlers = model is null ? [] : model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => HandlerPattern().Match(m.Name)).Where(m => m.Success)
                .Select(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value.Length == 0 ? null : m.Groups[2].Value))
                .Distinct().ToList();
            if (routes.Any(r => r.Pattern == pattern))
            {
                continue;
            }

            routes.Add(new StaffRoute(pattern, parameters, handlers, false));
        }

        return routes;
    }

    /// <summary>The public routes that show a city's content: pages, documents and the public API (not accounts, errors or the language switch).</summary>
    private static List<StaffRoute> PublicRoutes(AdminApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e))
            .Where(x => !x.Pattern.StartsWith("/staff", StringComparison.Ordinal) && !x.Pattern.StartsWith("/api/v1/staff", StringComparison.Ordinal)
                && !x.Pattern.StartsWith("/account", StringComparison.Ordinal) && !x.Pattern.StartsWith("/setup", StringComparison.Ordinal)
                && !x.Pattern.StartsWith("/error", StringComparison.Ordinal) && !x.Pattern.StartsWith("/culture", StringComparison.Ordinal)
                && !x.Pattern.Contains("**", StringComparison.Ordinal)
                && !x.e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
                && (x.e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true))
            .Select(x => new StaffRoute(x.Pattern, [.. x.e.RoutePattern.Parameters.Select(p => p.Name)], [("GET", null)], false))
            .Where(r => r.Parameters.All(p => Values(p, TwoCitiesProbe).Any()))
            .DistinctBy(r => r.Pattern)];

    private static readonly City TwoCitiesProbe = new("probe", Guid.Empty, 2022, "d", "u", 1, "", [], new Dictionary<string, string>()) { Guids = [Guid.Empty] };

    [GeneratedRegex(@"\{(\*\*)?(\w+)(:[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"^On(Get|Post|Put|Delete|Patch)(\w*?)(Async)?$")]
    private static partial Regex HandlerPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}

/// <summary>The walk on SQLite, the embedded default.</summary>
public sealed class IsolationOnSqliteTests(TwoCities cities) : IsolationTests(cities), IClassFixture<TwoCities>;

/// <summary>The walk on PostgreSQL: the production database must keep the cities apart just as well.</summary>
public sealed class IsolationOnPostgresTests(TwoCitiesOnPostgres cities) : IsolationTests(cities), IClassFixture<TwoCitiesOnPostgres>;
