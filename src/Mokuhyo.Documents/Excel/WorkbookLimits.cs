namespace Mokuhyo.Documents.Excel;

/// <summary>
/// How large a workbook import accepts. A real year of a large city is far below each of them
/// (2,000 goals make a workbook of about 0.5 MB); anything above is refused before it is parsed.
/// </summary>
public static class WorkbookLimits
{
    /// <summary>The largest file accepted, in bytes (10 MB).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Parts in the zip; Excel writes about twenty for this template.</summary>
    public const int MaxEntries = 200;

    /// <summary>All parts together once decompressed (128 MB).</summary>
    public const long MaxUncompressedBytes = 128L * 1024 * 1024;

    /// <summary>
    /// Decompressed to compressed size of one part. Worksheet XML compresses about 10:1; a zip bomb
    /// compresses a thousandfold.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Parts smaller than this are not judged by their ratio: a tiny part may compress very well.</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;

    /// <summary>Data rows per sheet, not counting the header.</summary>
    public const int MaxRowsPerSheet = 5000;

    /// <summary>Errors listed before the list stops; the rest of the file is not reported.</summary>
    public const int MaxErrors = 100;
}
