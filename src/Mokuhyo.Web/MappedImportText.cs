namespace Mokuhyo.Web;

/// <summary>Marker for the resource files of the import of a city's own workbooks (Resources/MappedImportText.*.resx).</summary>
public sealed class MappedImportText;
