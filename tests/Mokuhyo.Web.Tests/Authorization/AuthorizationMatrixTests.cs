using System.Net;
using System.Net.Http.Json;

namespace Mokuhyo.Web.Tests.Authorization;

/// <summary>The app the read-only and state-arranged rows share, with an unpublished marker in one of 入間市's drafts.</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    private MatrixApp? app;

    public MatrixApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await MatrixApp.StartAsync(withMarker: true);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>
/// The authorization matrix (docs/authorization.md): every role against every staff page, form
/// handler and staff API action, one test case per cell, named after the cell.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly Uri Base = new("http://localhost");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, (MatrixRow Row, Role Role, Transport? Transport)> CellsByName =
        (from row in Matrix.Rows
         from role in Matrix.Roles
         from transport in Matrix.TransportsOf(row, role)
         select (row, role, transport)).ToDictionary(c => Matrix.CellName(c.row, c.role, c.transport), StringComparer.Ordinal);

    /// <summary>The staff writes an anonymous visitor might try without the form's antiforgery token (or any credentials).</summary>
    private static readonly Dictionary<string, MatrixRow> AnonymousWrites =
        Matrix.Rows.Where(r => r.Method != "GET" && !r.Public && !r.Name.Contains("setup", StringComparison.Ordinal))
            .ToDictionary(r => $"anonymous without antiforgery token {r.Name} → refused", StringComparer.Ordinal);

    public static TheoryData<string> Cells => [.. CellsByName.Keys];

    public static TheoryData<string> AnonymousWriteCells => [.. AnonymousWrites.Keys];

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string cell)
    {
        var (row, role, transport) = CellsByName[cell];
        var expected = Matrix.Expected(row, role, transport);
        var fresh = row.Fresh == FreshDatabase.Always || (row.Fresh == FreshDatabase.WhenAllowed && expected == Outcome.Done);
        var app = fresh ? await MatrixApp.StartAsync() : fixture.App;
        try
        {
            var version = row.Arrange is null ? 0 : await row.Arrange(app, role);
            var context = new RowContext(app, role, version);
            var path = new Uri(await row.Path(context), UriKind.Relative);
            using var response = row.Kind switch
            {
                Kind.Get => await (await app.ClientAsync(role)).GetAsync(path, Ct),
                Kind.Form => await PostFormAsync(app, role, path, await row.Fields!(context)),
                _ => await CallApiAsync(await app.ApiClientAsync(role, transport ?? Transport.Cookie), row.Method, path,
                    row.Json?.Invoke(context)),
            };
            var body = await response.Content.ReadAsStringAsync(Ct);
            await AssertOutcomeAsync(app, role, row, expected, response, body);
            if (row.Verify is not null)
            {
                await row.Verify(app, expected);
            }

            if (row.Public || role is Role.Anonymous or Role.OtherAdministrator)
            {
                Assert.DoesNotContain(MatrixApp.UnpublishedMarker, body, StringComparison.Ordinal);
            }
        }
        finally
        {
            if (fresh)
            {
                await app.DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(AnonymousWriteCells))]
    public async Task Anonymous_write(string cell)
    {
        var row = AnonymousWrites[cell];
        var app = fixture.App;
        var path = new Uri(await row.Path(new RowContext(app, Role.Anonymous, 0)), UriKind.Relative);
        var client = await app.ClientAsync(Role.Anonymous);
        if (row.Kind == Kind.Api)
        {
            using var api = await CallApiAsync(client, row.Method, path, row.Json?.Invoke(new RowContext(app, Role.Anonymous, 0)));
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            return;
        }

        using var content = new FormUrlEncodedContent([new("comment", "匿名"), new("action", "Submit"), new("Input.Title", "匿名の変更")]);
        using var response = await client.PostAsync(path, content, Ct);
        var refused = response.StatusCode == HttpStatusCode.Redirect && new Uri(Base, response.Headers.Location!).AbsolutePath == "/account/login";
        Assert.True(refused, $"{row.Name}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public void The_documented_matrix_is_the_tested_one()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mokuhyo.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var doc = File.ReadAllText(Path.Combine(root.FullName, "docs", "authorization.md")).ReplaceLineEndings("\n");
        Assert.True(doc.Contains(Matrix.Markdown(), StringComparison.Ordinal),
            "docs/authorization.md does not hold the table the test encodes; it should read:\n" + Matrix.Markdown());
    }

    private static async Task<HttpResponseMessage> PostFormAsync(MatrixApp app, Role role, Uri path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await app.AntiforgeryAsync(role);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await (await app.ClientAsync(role)).PostAsync(path, content, Ct);
    }

    private static async Task<HttpResponseMessage> CallApiAsync(HttpClient client, string method, Uri path, object? json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task AssertOutcomeAsync(MatrixApp app, Role role, MatrixRow row, Outcome expected, HttpResponseMessage response, string body)
    {
        var location = response.Headers.Location is { } l ? new Uri(Base, l) : null;
        var status = response.StatusCode;
        var seen = $"{(int)status} {location?.PathAndQuery} {body[..Math.Min(body.Length, 300)]}";
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        switch (expected)
        {
            case Outcome.Ok:
                Assert.True(status == HttpStatusCode.OK, $"expected 200, got {seen}");
                break;
            case Outcome.Done:
                Assert.True(status == HttpStatusCode.Redirect && location!.PathAndQuery.StartsWith(row.DoneAt!, StringComparison.Ordinal),
                    $"expected a redirect to {row.DoneAt}, got {seen}");
                break;
            case Outcome.Login:
                Assert.True(status == HttpStatusCode.Redirect && location!.AbsolutePath == "/account/login", $"expected sign-in, got {seen}");
                break;
            case Outcome.Denied:
                if (status != HttpStatusCode.Forbidden)
                {
                    Assert.True(status == HttpStatusCode.Redirect && location!.AbsolutePath == "/account/denied", $"expected denied, got {seen}");
                    using var denied = await (await app.ClientAsync(role)).GetAsync(new Uri(location.PathAndQuery, UriKind.Relative), Ct);
                    Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
                }

                break;
            case Outcome.NotFound:
                Assert.True(status == HttpStatusCode.NotFound, $"expected 404, got {seen}");
                Assert.True(row.Kind != Kind.Api || isProblem, $"expected problem details, got {seen}");
                break;
            case Outcome.Refused:
                Assert.True(status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict, $"expected 422 or 409, got {seen}");
                break;
            case Outcome.Unauthorized:
                Assert.True(status == HttpStatusCode.Unauthorized && isProblem, $"expected 401 problem details, got {seen}");
                break;
            case Outcome.Forbidden:
                Assert.True(status == HttpStatusCode.Forbidden && isProblem, $"expected 403 problem details, got {seen}");
                break;
            default:
                throw new InvalidOperationException(expected.ToString());
        }
    }
}
