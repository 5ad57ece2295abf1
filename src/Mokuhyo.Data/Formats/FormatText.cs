using System.Globalization;
using System.Resources;

namespace Mokuhyo.Data.Formats;

/// <summary>The words of format validation (FormatText.resx), in the reader's language.</summary>
public static class FormatText
{
    private static readonly ResourceManager Resources = new("Mokuhyo.Data.Formats.FormatText", typeof(FormatText).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
