namespace Mokuhyo.Web;

/// <summary>
/// Marker for the resource files of the yearly cycle (Resources/CycleText.*.resx): the schedule, the
/// progress board, the user's page, notifications and their e-mails.
/// </summary>
public sealed class CycleText;
