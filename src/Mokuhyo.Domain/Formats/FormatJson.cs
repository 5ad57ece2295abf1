using System.Text.Json;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Domain.Formats;

/// <summary>Reads a format file, answering with the problems found, each naming its field.</summary>
public static class FormatJson
{
    public static FormatParseResult Parse(string json)
    {
        ReportFormat? format;
        try
        {
            format = JsonSerializer.Deserialize<ReportFormat>(json, ReportJson.Options);
        }
        catch (JsonException ex)
        {
            return new FormatParseResult(null, [$"{ex.Path ?? "$"}: {ex.Message}"]);
        }

        if (format is null)
        {
            return new FormatParseResult(null, ["$: the file is empty."]);
        }

        var problems = format.Validate();
        return new FormatParseResult(problems.Count == 0 ? format : null, problems);
    }

    public static string Serialize(ReportFormat format) => JsonSerializer.Serialize(format, ReportJson.Options);
}

public sealed record FormatParseResult(ReportFormat? Format, IReadOnlyList<string> Problems)
{
    public bool IsValid => Format is not null;
}
