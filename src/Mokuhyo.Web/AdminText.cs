namespace Mokuhyo.Web;

/// <summary>
/// Marker for the resource files of administration (Resources/AdminText.*.resx): first-run set-up,
/// accounts, fiscal years and the organization tree, access tokens and the staff API.
/// </summary>
public sealed class AdminText;
