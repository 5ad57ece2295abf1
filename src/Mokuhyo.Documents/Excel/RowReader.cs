using System.Globalization;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Reads the cells of one data row by their column's rules, reporting each problem at its cell.
/// Text is taken exactly as written (never trimmed or normalised); only codes and choices ignore
/// surrounding spaces. Lengths are counted in text elements, as people count characters.
/// </summary>
internal sealed class RowReader(TemplateTable table, RawRow row, ErrorCollector errors)
{
    /// <summary>Whole numbers above this are not numbers of goals, indicators or blocks.</summary>
    private const int MaxNumber = 99_999;

    /// <summary>The database keeps four decimals (precision 18, scale 4).</summary>
    private const int MaxDecimals = 4;

    private static readonly decimal MaxFigure = 99_999_999_999_999m;

    public int Number => row.Number;

    /// <summary>False once any cell of the row was wrong.</summary>
    public bool IsValid { get; private set; } = true;

    public void Error(int column, string key, params object?[] args)
    {
        errors.Add(key, table.Name, row.Number, column, args);
        IsValid = false;
    }

    private string Name(int column) => table[column].Name;

    /// <summary>The cell as text, or null when empty; numbers typed into a text column are taken as written.</summary>
    private string? Raw(int column)
    {
        if (row[column] is not { } cell)
        {
            return Missing(column);
        }

        switch (cell.Kind)
        {
            case RawKind.Boolean:
                Error(column, WorkbookText.Keys.ValueBoolean, Name(column));
                return null;
            case RawKind.Error:
                Error(column, WorkbookText.Keys.ValueErrorValue, cell.Value);
                return null;
            default:
                return string.IsNullOrWhiteSpace(cell.Value) ? Missing(column) : cell.Value;
        }
    }

    private string? Missing(int column)
    {
        if (table[column].Required)
        {
            Error(column, WorkbookText.Keys.ValueRequired, Name(column));
        }

        return null;
    }

    public string? Text(int column, int maxLength)
    {
        var text = Raw(column);
        if (text is not null && !TextRules.FitsWithin(text, maxLength))
        {
            Error(column, WorkbookText.Keys.ValueTooLong, Name(column), maxLength, TextRules.Length(text));
            return null;
        }

        return text;
    }

    /// <summary>The cell as written, without a length check (the caller checks it against its own rule); null when empty.</summary>
    public string? Value(int column) => Raw(column);

    public string? Code(int column) => Text(column, TextLimits.Code)?.Trim();

    /// <summary>The lines of a cell (a line break within the cell separates entries); blank lines are skipped.</summary>
    public List<string> Lines(int column, int maxLength)
    {
        var text = Raw(column);
        if (text is null)
        {
            return [];
        }

        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.None).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!TextRules.FitsWithin(lines[i], maxLength))
            {
                Error(column, WorkbookText.Keys.ValueLineTooLong, Name(column), maxLength, i + 1, TextRules.Length(lines[i]));
            }
        }

        return lines;
    }

    /// <summary>A whole number of at least 1.</summary>
    public int? WholeNumber(int column)
    {
        if (row[column] is not { } cell || (cell.Kind == RawKind.Text && string.IsNullOrWhiteSpace(cell.Value)))
        {
            Missing(column);
            return null;
        }

        if (cell.Kind == RawKind.Number && ParseNumber(cell.Value) is { } value
            && value == decimal.Truncate(value) && value is >= 1 and <= MaxNumber)
        {
            return (int)value;
        }

        Error(column, WorkbookText.Keys.ValueNotNumber, Name(column));
        return null;
    }

    public decimal? Figure(int column)
    {
        if (row[column] is not { } cell || (cell.Kind == RawKind.Text && string.IsNullOrWhiteSpace(cell.Value)))
        {
            Missing(column);
            return null;
        }

        if (cell.Kind != RawKind.Number || ParseNumber(cell.Value) is not { } value)
        {
            Error(column, WorkbookText.Keys.ValueNotDecimal, Name(column));
            return null;
        }

        if (Math.Abs(value) > MaxFigure)
        {
            Error(column, WorkbookText.Keys.ValueOutOfRange, Name(column));
            return null;
        }

        var normalized = value / 1.000000000000000000000000000000000m;
        if (normalized.Scale > MaxDecimals)
        {
            Error(column, WorkbookText.Keys.ValueTooManyDecimals, Name(column), MaxDecimals);
            return null;
        }

        return normalized;
    }

    /// <summary>A real Excel date (a whole serial), an ISO date cell, or text written yyyy-mm-dd.</summary>
    public DateOnly? Date(int column)
    {
        if (row[column] is not { } cell || (cell.Kind == RawKind.Text && string.IsNullOrWhiteSpace(cell.Value)))
        {
            Missing(column);
            return null;
        }

        DateOnly date = default;
        var ok = cell.Kind switch
        {
            RawKind.Number => ParseNumber(cell.Value) is { } serial && CellText.TryDateFromSerial(serial, out date),
            RawKind.Date => DateTime.TryParse(cell.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
                && moment.TimeOfDay == TimeSpan.Zero && Assign(DateOnly.FromDateTime(moment), out date),
            RawKind.Text => DateOnly.TryParseExact(cell.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date),
            _ => false,
        };
        if (!ok)
        {
            Error(column, WorkbookText.Keys.ValueNotDate, Name(column));
            return null;
        }

        return date;
    }

    public T? Choice<T>(int column, IReadOnlyList<(T Value, string Word)> words) where T : struct
    {
        var text = Raw(column)?.Trim();
        if (text is null)
        {
            return null;
        }

        foreach (var (value, word) in words)
        {
            if (string.Equals(word, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Error(column, WorkbookText.Keys.ValueInvalidChoice, Name(column), string.Join("・", words.Select(w => w.Word)), text);
        return null;
    }

    /// <summary>Whether a cell holds anything at all (so that a value given without its partner can be reported).</summary>
    public bool Has(int column) => row[column] is { } cell && !(cell.Kind == RawKind.Text && string.IsNullOrWhiteSpace(cell.Value));

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool Assign(DateOnly value, out DateOnly target)
    {
        target = value;
        return true;
    }
}
