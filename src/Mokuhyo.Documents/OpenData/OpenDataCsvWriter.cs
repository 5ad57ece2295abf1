using CsvHelper;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Documents.OpenData;

/// <summary>
/// Writes a municipality's fiscal year as open-data CSV from its published reports: UTF-8 with a BOM
/// (so Excel opens it as UTF-8), CRLF between records, a header row, RFC 4180 quoting. See docs/opendata.md.
/// </summary>
public static class OpenDataCsvWriter
{
    /// <summary>UTF-8 with a BOM, CRLF, RFC 4180 quoting: the CSV every file of Mokuhyo is written in.</summary>
    internal static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Separator = ',',
        Quoting = CsvQuoting.WhenNeeded,
        // The guard is ours (SpreadsheetText): CsvHelper's own cannot be undone exactly and would also touch codes.
        Injection = CsvInjection.None,
    };

    public static void WriteGoals(OpenDataContext context, IReadOnlyList<DepartmentReport> reports, Stream output) =>
        Write(OpenDataDataset.Goals, context, reports, output);

    public static void WriteIndicators(OpenDataContext context, IReadOnlyList<DepartmentReport> reports, Stream output) =>
        Write(OpenDataDataset.Indicators, context, reports, output);

    public static void WritePlans(OpenDataContext context, IReadOnlyList<DepartmentReport> reports, Stream output) =>
        Write(OpenDataDataset.Plans, context, reports, output);

    /// <summary>
    /// Writes one dataset of one fiscal year. The reports are written in the order given (the catalog's
    /// order of the organization). The stream is left open.
    /// </summary>
    public static void Write(OpenDataDataset dataset, OpenDataContext context, IReadOnlyList<DepartmentReport> reports, Stream output)
    {
        Check(dataset, context, reports, output);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        WriteHeader(csv, dataset);
        csv.EndRecord();
        foreach (var report in reports)
        {
            foreach (var row in dataset.Table.Rows(context, report))
            {
                WriteFields(csv, dataset, row);
                csv.EndRecord();
            }
        }
    }

    /// <summary>
    /// <see cref="Write"/> without blocking on I/O, for an HTTP response body (where ASP.NET Core refuses
    /// synchronous writes).
    /// </summary>
    public static async Task WriteAsync(OpenDataDataset dataset, OpenDataContext context, IReadOnlyList<DepartmentReport> reports,
        Stream output, CancellationToken cancellationToken = default)
    {
        Check(dataset, context, reports, output);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        WriteHeader(csv, dataset);
        await csv.EndRecordAsync(cancellationToken);
        foreach (var report in reports)
        {
            foreach (var row in dataset.Table.Rows(context, report))
            {
                WriteFields(csv, dataset, row);
                await csv.EndRecordAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteHeader(CsvWriter csv, OpenDataDataset dataset)
    {
        foreach (var column in dataset.Columns)
        {
            csv.WriteField(column.JapaneseName);
        }
    }

    private static void WriteFields(CsvWriter csv, OpenDataDataset dataset, string?[] row)
    {
        var columns = dataset.Columns;
        for (var i = 0; i < row.Length; i++)
        {
            var value = row[i];
            if (value is not null && columns[i].Type == OpenDataColumnType.Text && SpreadsheetText.NeedsGuard(value))
            {
                // Quoted as well, as OWASP advises, so that no reader trims the marker away with leading whitespace.
                csv.WriteField(SpreadsheetText.Protect(value), CsvQuoting.Always);
            }
            else
            {
                csv.WriteField(value);
            }
        }
    }

    private static void Check(OpenDataDataset dataset, OpenDataContext context, IReadOnlyList<DepartmentReport> reports, Stream output)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);

        // A file is one municipality's one fiscal year: a report of another would carry the wrong code on its rows.
        foreach (var report in reports)
        {
            if (!string.Equals(report.Municipality.Code, context.MunicipalityCode.Value, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The report of '{report.Department.Code}' belongs to municipality {report.Municipality.Code}, not {context.MunicipalityCode}.",
                    nameof(reports));
            }

            if (report.FiscalYear != reports[0].FiscalYear)
            {
                throw new ArgumentException(
                    $"The reports span several fiscal years ({reports[0].FiscalYear} and {report.FiscalYear}); a file holds one.",
                    nameof(reports));
            }
        }
    }
}
