using System.Globalization;

namespace Mokuhyo.Domain.Tests.TestSupport;

/// <summary>Runs a block under another current culture and restores the previous one on dispose.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo previousCulture;
    private readonly CultureInfo previousUiCulture;

    private CultureScope(CultureInfo culture)
    {
        previousCulture = CultureInfo.CurrentCulture;
        previousUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static CultureScope Of(string name) => new(CultureInfo.GetCultureInfo(name));

    public static CultureScope Invariant() => new(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = previousCulture;
        CultureInfo.CurrentUICulture = previousUiCulture;
    }
}
