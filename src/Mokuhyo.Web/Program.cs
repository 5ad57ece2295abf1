using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Search;
using Mokuhyo.Web.Api;
using Mokuhyo.Web.Cycle;
using Mokuhyo.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// Run from the build output in any environment (tests too), the compressed copies of wwwroot live beside it, not in it.
builder.WebHost.UseStaticWebAssets();

// Razor and System.Text.Json would otherwise write every Japanese character as an escape.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
});

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    CultureInfo[] cultures = [CultureInfo.GetCultureInfo("ja-JP"), CultureInfo.GetCultureInfo("en")];
    o.DefaultRequestCulture = new RequestCulture("ja-JP");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    // A Japanese site: English only when the reader chooses it, not because a browser says so.
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

builder.Services.AddStaffAccounts(builder.Environment);
builder.Services.AddAdministration();
builder.Services.AddPublicSite();
builder.Services.AddContentLanguage();
builder.Services.AddTemplates();
builder.Services.AddTenancy();
builder.Services.AddRazorPages(o =>
    {
        // Every staff page needs a signed-in account; what it may do there is decided page by page by AccessPolicy.
        o.Conventions.AuthorizeFolder("/Staff");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Mokuhyo.Web.SharedResource)));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer<OpenApiInfoTransformer>());
builder.Services.AddYearlyCycle(builder.Configuration);
builder.Services.AddMokuhyoData(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddOperations();
builder.Services.AddMokuhyoSearch();

var app = builder.Build();

app.UseOperations();
// Before the error pages: a re-executed request (/error/404) loses the query string, and with it ?culture=en.
app.UseRequestLocalization();
app.UseExceptionHandler("/error/500");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseMiddleware<SecurityHeadersMiddleware>();
app.MapStaticAssets();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePublicSiteCache();

app.MapHealth();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapPublicApi();
app.MapSearchApi();
app.MapDocuments();
app.MapSitemap();
app.MapCultureSwitch();
app.MapStaffApi();
app.MapBranding();
app.MapRazorPages().WithStaticAssets();

await using (var scope = app.Services.CreateAsyncScope())
{
    var services = scope.ServiceProvider;
    await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await services.GetRequiredService<SearchIndex>().EnsureCurrentAsync();
    await DemoAccounts.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), services.GetRequiredService<MokuhyoDbContext>());
    if (services.GetRequiredService<DatabaseOptions>().SeedDemoData)
    {
        await services.GetRequiredService<DemoAccounts>().EnsureAsync();
    }
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(see the server's addresses above)";
    app.Logger.LogInformation("Mokuhyo is ready: open {Addresses} in a browser", addresses);
});

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
