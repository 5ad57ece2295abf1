using System.Text;
using Mokuhyo.Documents.OpenData;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.OpenData;

/// <summary>Writes datasets into memory and reads them back, for the open-data tests.</summary>
internal static class OpenDataFiles
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static OpenDataContext SeedContext { get; } = new(LocalGovernmentCode.Parse(SeedFacts.MunicipalityCode), SeedFacts.Municipality,
        "埼玉県", Municipality.DefaultLicenceName, Municipality.DefaultLicenceUrl);

    // The seed's format defines no goal fields, so its fields.csv is a header only: the example formats'
    // tests (Templates/ExampleDocumentsTests) cover that dataset with rows.
    public static TheoryData<string> DatasetKeys => new(OpenDataDataset.All.Where(d => d != OpenDataDataset.Fields).Select(d => d.Key));

    public static OpenDataDataset Dataset(string key) =>
        OpenDataDataset.TryFind(key, out var dataset) ? dataset : throw new ArgumentException(key, nameof(key));

    public static byte[] Write(OpenDataDataset dataset, params DepartmentReport[] reports)
    {
        using var stream = new MemoryStream();
        OpenDataCsvWriter.Write(dataset, SeedContext, reports, stream);
        return stream.ToArray();
    }

    public static IReadOnlyList<OpenDataRecord> Read(OpenDataDataset dataset, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return OpenDataCsvReader.Read(dataset, stream);
    }

    public static IReadOnlyList<OpenDataRecord> WriteAndRead(OpenDataDataset dataset, params DepartmentReport[] reports) =>
        Read(dataset, Write(dataset, reports));

    /// <summary>The file as text, its BOM removed; throws on bytes that are not UTF-8.</summary>
    public static string Text(byte[] bytes)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var body = bytes.AsSpan().StartsWith(Bom) ? bytes[Bom.Length..] : bytes;
        return strict.GetString(body);
    }

    /// <summary>Every value of some records in one text, one value a line, for looking facts up.</summary>
    public static string Joined(IEnumerable<OpenDataRecord> records) => string.Join("\n", records.SelectMany(r => r.Values));

    /// <summary>The seed report renamed as another department, to make a year of several.</summary>
    public static DepartmentReport AsDepartment(DepartmentReport report, string code, string name) =>
        report with { Department = report.Department with { Code = code, Name = name } };
}
