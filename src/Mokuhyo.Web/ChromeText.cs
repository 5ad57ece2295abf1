namespace Mokuhyo.Web;

/// <summary>
/// Marker for the resource files of the page chrome's own words that surround content
/// (Resources/ChromeText.*.resx): how a western year or date is written beside a 和暦 one.
/// </summary>
public sealed class ChromeText;
