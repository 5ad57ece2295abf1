using Mokuhyo.Domain.Formats;

namespace Mokuhyo.Data;

/// <summary>The format files (templates/*.json) and demo data files shipped inside this assembly.</summary>
public static class EmbeddedFiles
{
    private const string TemplatePrefix = "Mokuhyo.Data.Templates.";
    private const string DemoPrefix = "Mokuhyo.Data.DemoData.";

    public static string ReadTemplateJson(string key) =>
        Read(TemplatePrefix + key + ".json") ?? throw new InvalidOperationException($"No format file named '{key}' is shipped.");

    public static ReportFormat ReadTemplate(string key)
    {
        var result = Formats.FormatTemplate.Check(ReadTemplateJson(key));
        return result.Format ?? throw new InvalidOperationException(
            $"The shipped format '{key}' is invalid: {string.Join("; ", result.Problems)}");
    }

    /// <summary>Whether a demo data file is one of the sample municipalities of the example formats.</summary>
    public static bool IsExampleFile(string name) => name.StartsWith("example-", StringComparison.Ordinal);

    /// <summary>The format files shipped in templates/ (without the schema), by key.</summary>
    public static IEnumerable<string> TemplateKeys() =>
        typeof(EmbeddedFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(TemplatePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[TemplatePrefix.Length..^".json".Length])
            .Where(k => !string.Equals(k, "schema", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<(string Name, string Json)> DemoDataFiles() =>
        typeof(EmbeddedFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(DemoPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[DemoPrefix.Length..], Read(n)!));

    private static string? Read(string resourceName)
    {
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
