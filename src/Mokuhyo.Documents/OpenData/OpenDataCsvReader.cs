using System.Globalization;
using CsvHelper;

namespace Mokuhyo.Documents.OpenData;

/// <summary>
/// Reads an open-data CSV back into records, with or without a BOM: for tests, and for anyone who
/// re-imports a file. The header must be exactly the dataset's; text comes back as published (the
/// spreadsheet guard undone).
/// </summary>
public static class OpenDataCsvReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        // Never guessed: a file of one column with a semicolon in it must not be read as two.
        Separator = ',',
        HasHeader = true,
        DetectSeparatorHint = false,
        TrimWhitespace = false,
        AllowLineBreaksInQuotes = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
    };

    /// <exception cref="InvalidDataException">The header is not the dataset's, or a record is malformed.</exception>
    public static IReadOnlyList<OpenDataRecord> Read(OpenDataDataset dataset, Stream input)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(input);
        var columns = dataset.Columns;
        using var csv = CsvReader.Create(input, Options, leaveOpen: true);
        try
        {
            CheckHeader(dataset, csv.Headers);
            var records = new List<OpenDataRecord>();
            while (csv.Read())
            {
                if (csv.FieldCount != columns.Count)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"Record {csv.RowNumber} of {dataset.FileName} has {csv.FieldCount} fields; the header has {columns.Count}."));
                }

                var values = new string[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    var value = csv.GetString(i);
                    values[i] = columns[i].Type == OpenDataColumnType.Text ? SpreadsheetText.Restore(value) : value;
                }

                records.Add(new OpenDataRecord(dataset, values));
            }

            return records;
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{dataset.FileName} is not a valid CSV file: {e.Message}", e);
        }
    }

    private static void CheckHeader(OpenDataDataset dataset, IReadOnlyList<string> header)
    {
        var expected = dataset.Columns.Select(c => c.JapaneseName).ToList();
        if (!header.SequenceEqual(expected, StringComparer.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Max(header.Count, expected.Count))
                .First(i => i >= header.Count || i >= expected.Count || !string.Equals(header[i], expected[i], StringComparison.Ordinal));
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The header is not that of {dataset.FileName}: column {at + 1} is '{(at < header.Count ? header[at] : "(none)")}', expected '{(at < expected.Count ? expected[at] : "(none)")}'."));
        }
    }
}

/// <summary>One row of an open-data CSV as read back, by the columns' English names.</summary>
public sealed class OpenDataRecord
{
    private readonly string[] values;

    internal OpenDataRecord(OpenDataDataset dataset, string[] values)
    {
        Dataset = dataset;
        this.values = values;
    }

    public OpenDataDataset Dataset { get; }

    /// <summary>The value as text; empty when the field is empty.</summary>
    public string this[string columnName] => values[Dataset.IndexOf(columnName)];

    /// <summary>All values in column order.</summary>
    public IReadOnlyList<string> Values => values;

    public int? GetInt32(string columnName) =>
        this[columnName] is { Length: > 0 } v ? int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    /// <summary>A number as written: a dot for decimals, no grouping; anything else throws.</summary>
    public decimal? GetDecimal(string columnName) =>
        this[columnName] is { Length: > 0 } v
            ? decimal.Parse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : null;

    public DateOnly? GetDate(string columnName) =>
        this[columnName] is { Length: > 0 } v ? DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>The entries of a list column or the lines of a text, split at the line breaks inside the field.</summary>
    public IReadOnlyList<string> GetLines(string columnName) =>
        this[columnName] is { Length: > 0 } v ? v.Split(OpenDataTables.LineBreak) : [];
}
