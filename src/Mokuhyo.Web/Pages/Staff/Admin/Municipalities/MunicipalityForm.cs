using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Web.Pages.Staff.Admin.Municipalities;

/// <summary>The municipality form.</summary>
public sealed class MunicipalityFormInput
{
    public string? Code { get; set; }

    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Prefecture { get; set; }

    public long Version { get; set; }

    public static MunicipalityFormInput From(Municipality m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new() { Code = m.Code, Slug = m.Slug, Name = m.Name, NameEn = m.NameEn, Prefecture = m.Prefecture, Version = m.Version };
    }
}

/// <summary>Checks a municipality form and words each objection in the reader's language, naming what was entered.</summary>
public static class MunicipalityForm
{
    public static MunicipalityInput? Validate(MunicipalityFormInput input, ModelStateDictionary modelState, IStringLocalizer<TenancyText> text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        var code = input.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            modelState.AddModelError("Input.Code", text["Error.Required", text["Field.Code"]]);
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            modelState.AddModelError("Input.Code", text["Error.CodeFormat", code]);
        }
        else if (!LocalGovernmentCode.TryParse(code, out _))
        {
            modelState.AddModelError("Input.Code", text["Error.CodeCheckDigit", code, LocalGovernmentCode.CheckDigit(code.AsSpan(0, 5))]);
        }

        var slug = input.Slug?.Trim() ?? "";
        if (slug.Length == 0)
        {
            modelState.AddModelError("Input.Slug", text["Error.Required", text["Field.Slug"]]);
        }
        else if (Municipality.ReservedSlugs.Contains(slug))
        {
            modelState.AddModelError("Input.Slug", text["Error.SlugReserved", slug]);
        }
        else if (!Municipality.IsValidSlug(slug))
        {
            modelState.AddModelError("Input.Slug", text["Error.SlugFormat", slug]);
        }

        CheckText(input.Name, required: true, "Input.Name", "Field.Name", modelState, text);
        CheckText(input.NameEn, required: false, "Input.NameEn", "Field.NameEn", modelState, text);
        CheckText(input.Prefecture, required: false, "Input.Prefecture", "Field.Prefecture", modelState, text);
        return modelState.IsValid ? new MunicipalityInput(code, slug, input.Name!.Trim(), input.NameEn, input.Prefecture) : null;
    }

    /// <summary>Puts a refused save's reason beside the field it is about.</summary>
    public static void AddOutcome(MunicipalitySaveOutcome outcome, MunicipalityFormInput input, ModelStateDictionary modelState, IStringLocalizer<TenancyText> text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        switch (outcome)
        {
            case MunicipalitySaveOutcome.CodeTaken:
                modelState.AddModelError("Input.Code", text["Error.CodeTaken", input.Code?.Trim() ?? ""]);
                break;
            case MunicipalitySaveOutcome.SlugTaken:
                modelState.AddModelError("Input.Slug", text["Error.SlugTaken", input.Slug?.Trim() ?? ""]);
                break;
            case MunicipalitySaveOutcome.Conflict:
                modelState.AddModelError(string.Empty, text["Error.Conflict"]);
                break;
        }
    }

    internal static void CheckText(string? value, bool required, string field, string label, ModelStateDictionary modelState, IStringLocalizer<TenancyText> text)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                modelState.AddModelError(field, text["Error.Required", text[label]]);
            }
        }
        else if (!TextRules.FitsWithin(value.Trim(), TextLimits.Name))
        {
            modelState.AddModelError(field, text["Error.TooLong", text[label], TextLimits.Name]);
        }
    }
}
