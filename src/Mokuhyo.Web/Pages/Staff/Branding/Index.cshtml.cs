using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Web.Infrastructure;
using DomainBranding = Mokuhyo.Domain.Municipalities.Branding;

namespace Mokuhyo.Web.Pages.Staff.Branding;

/// <summary>
/// A city's own look on its public pages: the name shown, the emblem and two colours. Colours are
/// saved only when text on them reaches WCAG AA; the message names the pair and its ratio.
/// </summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(StaffContext staff, MunicipalityAdministration municipalities, IStringLocalizer<TenancyText> text,
    ILogger<IndexModel> logger) : PageModel
{
    // Room for a file a little over the limit, so it is refused with a message rather than a dropped connection.
    private const int UploadLimit = DomainBranding.MaxEmblemBytes * 4;

    [BindProperty]
    public BrandingInput Input { get; set; } = new();

    public Brand? Brand { get; private set; }

    public IReadOnlyList<ContrastCheck> Checks { get; private set; } = [];

    public string? Message { get; private set; }

    public static int MaxEmblemKilobytes => DomainBranding.MaxEmblemBytes / 1024;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = BrandingInput.From(Brand!);
        Message = done == "saved" ? text["Branding.Saved"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Admin.Municipalities.MunicipalityForm.CheckText(Input.Name, required: true, "Input.Name", "Branding.Name", ModelState, text);
        var primary = ReadColor(Input.PrimaryColor, "Input.PrimaryColor", "Branding.Primary");
        var accent = ReadColor(Input.AccentColor, "Input.AccentColor", "Branding.Accent");
        if (ModelState.IsValid)
        {
            // An empty colour keeps the site's own, which is known to pass; only the chosen ones are checked.
            var checks = DomainBranding.Check(primary ?? SiteColors.Primary, accent ?? SiteColors.Accent);
            foreach (var failed in checks.Where(c => !c.Passes))
            {
                var field = failed.Pair == BrandPair.HeaderTextOnPrimary ? "Input.PrimaryColor" : "Input.AccentColor";
                ModelState.AddModelError(field, text["Branding.Error.Contrast", PairName(failed), Ratio(failed.Ratio)]);
            }
        }

        if (ModelState.IsValid)
        {
            var outcome = await municipalities.SaveBrandingAsync(Brand!.MunicipalityId, Input.Version, Input.Name!,
                primary?.ToString(), accent?.ToString(), cancellationToken);
            if (outcome == MunicipalitySaveOutcome.Saved)
            {
                logger.LogInformation("Branding of {Slug} changed", Brand.Slug);
                return Redirect("/staff/branding?done=saved");
            }

            return await ConflictAsync(cancellationToken);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostEmblemAsync(IFormFile? emblem, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var version = Input.Version;
        Input = BrandingInput.From(Brand!);
        Input.Version = version;
        if (emblem is null || emblem.Length == 0)
        {
            ModelState.AddModelError("emblem", text["Branding.Error.EmblemMissing"]);
        }
        else if (emblem.Length > DomainBranding.MaxEmblemBytes)
        {
            ModelState.AddModelError("emblem", text["Branding.Error.EmblemSize", MaxEmblemKilobytes, (emblem.Length + 1023) / 1024]);
        }
        else
        {
            using var buffer = new MemoryStream((int)emblem.Length);
            await using (var stream = emblem.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            var bytes = buffer.ToArray();
            // The declared type and the file name are the uploader's word; only the bytes decide.
            if (DomainBranding.SniffEmblem(bytes) is not { } contentType)
            {
                ModelState.AddModelError("emblem", text["Branding.Error.EmblemType"]);
            }
            else
            {
                var outcome = await municipalities.SaveEmblemAsync(Brand!.MunicipalityId, version, bytes, contentType, cancellationToken);
                if (outcome == MunicipalitySaveOutcome.Saved)
                {
                    logger.LogInformation("Emblem of {Slug} changed", Brand.Slug);
                    return Redirect("/staff/branding?done=saved");
                }

                return await ConflictAsync(cancellationToken);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveEmblemAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await municipalities.SaveEmblemAsync(Brand!.MunicipalityId, Input.Version, null, null, cancellationToken);
        return outcome == MunicipalitySaveOutcome.Saved ? Redirect("/staff/branding?done=saved") : await ConflictAsync(cancellationToken);
    }

    public string PairName(ContrastCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return text["Branding.Pair." + check.Pair, check.Pair == BrandPair.HeaderTextOnPrimary ? check.Background : check.Text];
    }

    public static string Ratio(double ratio) =>
        (Math.Floor(ratio * 100) / 100).ToString("0.00", CultureInfo.InvariantCulture);

    private async Task<IActionResult> ConflictAsync(CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, text["Error.Conflict"]);
        await LoadAsync(cancellationToken);
        Input = BrandingInput.From(Brand!);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private HexColor? ReadColor(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (HexColor.TryParse(value.Trim(), out var color))
        {
            return color;
        }

        ModelState.AddModelError(field, text["Branding.Error.Color", text[label]]);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await staff.AccessAsync(cancellationToken) is not { } access || access.MunicipalityId is not { } own
            || !AccessPolicy.CanEditBranding(access, own))
        {
            return Forbid();
        }

        var municipality = await staff.MunicipalityAsync(cancellationToken);
        Brand = municipality is null ? null : await municipalities.BrandAsync(municipality.Slug, cancellationToken);
        if (Brand is null)
        {
            return NotFound();
        }

        Checks = DomainBranding.Check(
            Brand.PrimaryColor is { } p ? HexColor.Parse(p) : SiteColors.Primary,
            Brand.AccentColor is { } a ? HexColor.Parse(a) : SiteColors.Accent);
        return null;
    }
}

/// <summary>The name and colours form.</summary>
public sealed class BrandingInput
{
    public string? Name { get; set; }

    public string? PrimaryColor { get; set; }

    public string? AccentColor { get; set; }

    public long Version { get; set; }

    public static BrandingInput From(Brand brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return new() { Name = brand.Name, PrimaryColor = brand.PrimaryColor, AccentColor = brand.AccentColor, Version = brand.Version };
    }
}
