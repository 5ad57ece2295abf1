namespace Mokuhyo.Web;

/// <summary>Marker for the resource files of the department plan's figures and multi-year items (Resources/PlanText.*.resx).</summary>
public sealed class PlanText;
