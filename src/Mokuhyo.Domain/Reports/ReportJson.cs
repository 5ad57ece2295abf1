using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Mokuhyo.Domain.Reports;

/// <summary>
/// How report snapshots and format files are written as JSON: camelCase, Japanese written as characters.
/// (System.Text.Json still escapes characters outside the BMP, such as 𠮷, as surrogate pairs; they read back exactly.)
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = false,
    };

    public static string Serialize(DepartmentReport report) => JsonSerializer.Serialize(report, Options);

    public static DepartmentReport Deserialize(string json) =>
        JsonSerializer.Deserialize<DepartmentReport>(json, Options) ?? throw new JsonException("The report snapshot is empty.");
}
