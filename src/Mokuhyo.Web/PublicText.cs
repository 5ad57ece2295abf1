namespace Mokuhyo.Web;

/// <summary>
/// Marker for the resource files of the public reading pages added beside the reports
/// (Resources/PublicText.*.resx): the year's dashboard and a goal's history across years.
/// </summary>
public sealed class PublicText;
