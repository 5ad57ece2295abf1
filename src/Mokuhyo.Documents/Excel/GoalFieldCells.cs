using System.Globalization;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Keys = Mokuhyo.Documents.Excel.WorkbookText.Keys;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Reads a value of one of the format's goal fields from a cell, for both imports: a date as a real date,
/// yyyy-mm-dd or in 和暦 as printed, a rating by its level's label (as the workbook shows it) or key, text exactly as written with
/// several lines joined by line breaks (blank lines skipped). The value is then held to the field editor's own
/// rule (<see cref="GoalFieldRules"/>); problems are reported at the cell, naming the field.
/// </summary>
internal static class GoalFieldCells
{
    /// <summary>The value as stored, or null when the cell is empty or wrong (then reported).</summary>
    public static string? Read(RowReader row, int column, GoalFieldDefinition field, ReportFormat format)
    {
        if (!row.Has(column))
        {
            return null;
        }

        string? value;
        switch (field.Kind)
        {
            case GoalFieldKind.Date:
                // The workbook shows a date field as the reports print it (令和7年3月31日); that comes back too.
                var date = Wareki.TryParseDate(row.Value(column), out var printed) ? printed : row.Date(column);
                return date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case GoalFieldKind.Rating:
                var word = row.Value(column)?.Trim();
                if (word is null)
                {
                    return null;
                }

                var levels = format.RatingScale.Levels;
                var level = levels.FirstOrDefault(l => string.Equals(l.Label, word, StringComparison.Ordinal)) ?? format.RatingScale.FindLevel(word);
                if (level is null)
                {
                    row.Error(column, Keys.ValueInvalidChoice, field.Label, string.Join("・", levels.Select(l => l.Label)), word);
                    return null;
                }

                value = level.Key;
                break;
            case GoalFieldKind.Text:
                value = row.Value(column);
                break;
            default:
                var text = row.Value(column);
                value = text is null ? null : string.Join("\n", text.Split(["\r\n", "\n"], StringSplitOptions.None).Where(l => !string.IsNullOrWhiteSpace(l)));
                break;
        }

        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!GoalFieldRules.Accepts(field, value, format))
        {
            row.Error(column, Keys.ValueTooLong, field.Label, GoalFieldRules.MaxLength(field), Domain.Text.TextRules.Length(value));
            return null;
        }

        return value;
    }
}
