using System.Globalization;
using System.Resources;

namespace Mokuhyo.Documents.OpenData;

/// <summary>The fixed Japanese words of the open data (column names, section titles, vocabularies), kept in OpenDataText.resx.</summary>
internal static class OpenDataText
{
    private static readonly ResourceManager Resources = new(typeof(OpenDataText).FullName!, typeof(OpenDataText).Assembly);

    /// <summary>
    /// Always the Japanese (neutral) words: a column name that followed the server's or the reader's
    /// culture would break every program that reads the files.
    /// </summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"OpenDataText.resx has no entry '{key}'.");
}
