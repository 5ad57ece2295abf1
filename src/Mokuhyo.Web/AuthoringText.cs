namespace Mokuhyo.Web;

/// <summary>Marker for the resource files of the staff authoring pages (Resources/AuthoringText.*.resx).</summary>
public sealed class AuthoringText;
