using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Documents.OpenData;

/// <summary>
/// One of the open-data CSV files of a municipality's fiscal year: goals, indicators and the
/// departments' plans, kept apart because each has its own grain (a row per goal, per indicator, per item).
/// </summary>
public sealed class OpenDataDataset
{
    /// <summary>The media type to serve the files with: UTF-8 (with a BOM) and a header row, as RFC 4180 lets a server say.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    private readonly Dictionary<string, int> indexByName;

    private OpenDataDataset(string key, IOpenDataTable table)
    {
        Key = key;
        Table = table;
        indexByName = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>組織目標: a row per goal.</summary>
    public static OpenDataDataset Goals { get; } = new("goals", OpenDataTables.Goals);

    /// <summary>組織目標の指標: a row per indicator.</summary>
    public static OpenDataDataset Indicators { get; } = new("indicators", OpenDataTables.Indicators);

    /// <summary>部局の構成と計画: a row per item of a department's composition, responsibilities, organization and plan.</summary>
    public static OpenDataDataset Plans { get; } = new("plans", OpenDataTables.Plans);

    /// <summary>様式の項目: a row per goal and field of the city's format (課題, 自己評価...); empty under a format without such fields.</summary>
    public static OpenDataDataset Fields { get; } = new("fields", OpenDataTables.Fields);

    public static IReadOnlyList<OpenDataDataset> All { get; } = [Goals, Indicators, Plans, Fields];

    /// <summary>goals, indicators or plans: the stable name in URLs and file names.</summary>
    public string Key { get; }

    /// <summary>goals.csv: the last segment of the dataset's URL.</summary>
    public string FileName => Key + ".csv";

    /// <summary>The Japanese title for the open-data page (組織目標).</summary>
    public string Title => OpenDataText.Get($"Dataset.{Key}.Title");

    /// <summary>One Japanese sentence or two on what a row is.</summary>
    public string Description => OpenDataText.Get($"Dataset.{Key}.Description");

    /// <summary>The columns in file order; the header row is their <see cref="OpenDataColumn.JapaneseName"/>s.</summary>
    public IReadOnlyList<OpenDataColumn> Columns => Table.Columns;

    internal IOpenDataTable Table { get; }

    /// <summary>112259_2022_goals.csv: a download name that stays unique in a folder of several cities and years.</summary>
    public string DownloadFileName(OpenDataContext context, FiscalYear fiscalYear)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.Create(CultureInfo.InvariantCulture, $"{context.MunicipalityCode.Value}_{fiscalYear.StartYear}_{Key}.csv");
    }

    /// <summary>Finds a dataset by its key (goals) or file name (goals.csv), as a URL gives it.</summary>
    public static bool TryFind(string? name, [NotNullWhen(true)] out OpenDataDataset? dataset)
    {
        dataset = All.FirstOrDefault(d => string.Equals(d.Key, name, StringComparison.Ordinal)
            || string.Equals(d.FileName, name, StringComparison.Ordinal));
        return dataset is not null;
    }

    internal int IndexOf(string columnName) =>
        indexByName.TryGetValue(columnName, out var index)
            ? index
            : throw new ArgumentException($"The {Key} dataset has no column '{columnName}'.", nameof(columnName));

    public override string ToString() => Key;
}
