using AngleSharp.Dom;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>Reads the goal form as a person would: options by their visible name, errors beside their field.</summary>
internal static class GoalForms
{
    /// <summary>The value of the option whose text (without the tree's indentation) is the given name.</summary>
    public static string UnitId(IDocument page, string name) =>
        page.QuerySelectorAll("#Input_LeadUnitId option").Single(o => o.TextContent.Trim('　', ' ') == name).GetAttribute("value")!;

    /// <summary>The message shown beside a field, found through the field's aria-describedby as a screen reader would.</summary>
    public static string? ErrorBeside(IDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId) ?? throw new InvalidOperationException($"No field {fieldId}.");
        var described = field.GetAttribute("aria-describedby")?.Split(' ') ?? [];
        return described.Where(id => id.EndsWith("-error", StringComparison.Ordinal))
            .Select(id => page.GetElementById(id)?.TextContent).FirstOrDefault();
    }

    public static string Notice(IDocument page) => page.QuerySelector("main .notice")?.TextContent ?? "";
}
