namespace Mokuhyo.Web;

/// <summary>
/// Marker for the resource files of formats and templates (Resources/TemplateText.*.resx): the words
/// reports add for a city's own fields and ratings, sample municipalities, and the format admin page.
/// </summary>
public sealed class TemplateText;
