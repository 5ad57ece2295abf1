namespace Mokuhyo.Web;

/// <summary>Marker for the resource files of the public search (Resources/SearchPageText.*.resx): the pages, the header form and the API's messages.</summary>
public sealed class SearchPageText;
