using System.Globalization;
using System.Resources;

namespace Mokuhyo.Cli;

/// <summary>The words of the command line (Resources/CliText.*.resx), in the operator's language.</summary>
internal static class CliText
{
    private static readonly ResourceManager Resources = new("Mokuhyo.Cli.Resources.CliText", typeof(CliText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
