namespace Mokuhyo.Web;

/// <summary>
/// Marker for the resource files of hosting several municipalities (Resources/TenancyText.*.resx):
/// the host administrator's municipality pages and each city's branding.
/// </summary>
public sealed class TenancyText;
