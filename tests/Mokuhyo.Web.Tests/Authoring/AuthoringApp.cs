using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>
/// The application on a database of its own, for tests that write: the shared apps of the golden and
/// page tests stay as the demo data left them.
/// </summary>
public sealed class AuthoringApp : IAsyncDisposable
{
    public const string Password = "Mokuhyo-demo-2022";
    public const string Editor = "shimin-seikatsu@iruma.example.jp";
    public const string DivisionEditor = "chiiki@iruma.example.jp";
    public const string Approver = "bucho@iruma.example.jp";
    public const string Planning = "kikaku@iruma.example.jp";
    public const string Viewer = "viewer@iruma.example.jp";

    /// <summary>The staff workspace of the seed department's interim report, which the demo data leaves 未着手.</summary>
    public const string Interim = "/staff/2022/shimin-seikatsu/interim";


    private readonly string file;

    private AuthoringApp(MokuhyoFactory factory, string file)
    {
        Factory = factory;
        this.file = file;
    }

    public MokuhyoFactory Factory { get; }

    public static AuthoringApp Start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-authoring-{Guid.NewGuid():N}.db");
        var factory = new MokuhyoFactory(DatabaseProvider.Sqlite, $"Data Source={file}");
        _ = factory.Server; // migrations and demo data run at start
        return new AuthoringApp(factory, file);
    }

    /// <summary>A client that keeps cookies and follows no redirects, like a browser tab whose redirects the test inspects.</summary>
    public StaffClient Anonymous() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the login form, antiforgery token and all.</summary>
    public async Task<StaffClient> SignInAsync(string email)
    {
        var client = Anonymous();
        var page = await client.GetPageAsync("/account/login");
        var form = FormData.Of(page, "main form");
        form.Set("Input.Email", email).Set("Input.Password", Password);
        using var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Reads the database directly, to check what a request stored.</summary>
    public async Task<T> ReadAsync<T>(Func<MokuhyoDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
        return await read(db);
    }

    public Task<Domain.Goals.Goal> GoalAsync(int number) => ReadAsync(db => db.Goals.AsNoTracking()
        .Include(g => g.CoUnits)
        .Include(g => g.Indicators).ThenInclude(i => i.Actuals)
        .Include(g => g.Results).ThenInclude(r => r.Blocks)
        .AsSplitQuery()
        .SingleAsync(g => g.Number == number, TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>A signed-in (or anonymous) browser: keeps its cookies, reads pages, posts forms as they are filled in.</summary>
public sealed class StaffClient(HttpClient client) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Http => client;

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    public async Task<IDocument> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode}");
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
    }

    public async Task<HttpResponseMessage> PostAsync(string path, FormData form)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    /// <summary>Posts a form and parses the page that comes back (when it is not a redirect).</summary>
    public async Task<(HttpStatusCode Status, IDocument Page, Uri? Location)> SubmitAsync(string path, FormData form)
    {
        using var response = await PostAsync(path, form);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, page, response.Headers.Location);
    }

    /// <summary>Posts a page's form with one of its submit buttons, after the test changed its fields.</summary>
    public async Task<(HttpStatusCode Status, IDocument Page, Uri? Location)> SubmitAsync(IDocument page, Action<FormData> fill, string command = "save",
        string selector = "form.authoring")
    {
        var form = FormData.Of(page, selector);
        fill(form);
        form.Set("command", command);
        var action = page.QuerySelector<IHtmlFormElement>(selector)!.GetAttribute("action")!;
        return await SubmitAsync(action, form);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>The fields of an HTML form as a browser would send them, to be changed before posting.</summary>
public sealed class FormData
{
    public List<KeyValuePair<string, string>> Fields { get; } = [];

    public static FormData Of(IDocument page, string selector)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form matches '{selector}'.");
        var data = new FormData();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        data.Add(name, input.GetAttribute("value") ?? "on");
                    }

                    break;
                case IHtmlInputElement input:
                    data.Add(name, input.GetAttribute("value") ?? "");
                    break;
                case IHtmlTextAreaElement textarea:
                    data.Add(name, textarea.Value);
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.Where(o => o.IsSelected).ToList();
                    if (options.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        options.Add(select.Options[0]!);
                    }

                    foreach (var option in options)
                    {
                        data.Add(name, option.Value);
                    }

                    break;
                default:
                    break;
            }
        }

        return data;
    }

    public string? Get(string name) => Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Value;

    public FormData Add(string name, string value)
    {
        Fields.Add(new(name, value));
        return this;
    }

    /// <summary>Sets a field to one value, replacing any it had.</summary>
    public FormData Set(string name, string value)
    {
        Remove(name);
        return Add(name, value);
    }

    public FormData Remove(string name)
    {
        Fields.RemoveAll(f => string.Equals(f.Key, name, StringComparison.Ordinal));
        return this;
    }
}
