namespace Mokuhyo.Documents.OpenData;

/// <summary>One column of an open-data CSV: its stable English name, the Japanese name in the header row, and its type.</summary>
public sealed record OpenDataColumn
{
    internal OpenDataColumn(string name, OpenDataColumnType type)
    {
        Name = name;
        Type = type;
        JapaneseName = OpenDataText.Get("Column." + name);
    }

    /// <summary>The machine name (municipality_code): stable, documented, never in the file itself.</summary>
    public string Name { get; }

    /// <summary>The name in the header row (全国地方公共団体コード).</summary>
    public string JapaneseName { get; }

    public OpenDataColumnType Type { get; }
}

/// <summary>How a column's values are written.</summary>
public enum OpenDataColumnType
{
    /// <summary>Published text, exactly; guarded against spreadsheet formulas (see docs/opendata.md).</summary>
    Text = 0,

    /// <summary>A machine code: ASCII letters, digits and hyphens (112259, shimin-seikatsu, at-least).</summary>
    Code = 1,

    /// <summary>A whole number in invariant digits (2022).</summary>
    WholeNumber = 2,

    /// <summary>A number in invariant digits, a dot for decimals and no grouping (61.7, 40070).</summary>
    Number = 3,

    /// <summary>An ISO 8601 date (2023-03-31).</summary>
    Date = 4,
}
