using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Years;

/// <summary>A unit's editable fields as the forms post them; responsibilities one per line.</summary>
public sealed class UnitInput
{
    public string? Code { get; set; }

    public string? ParentCode { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public bool IsReportingUnit { get; set; }

    public string? HeadTitle { get; set; }

    public string? HeadName { get; set; }

    public string? CompositionNote { get; set; }

    public string? Responsibilities { get; set; }

    public long Version { get; set; }

    public UnitFields ToFields() =>
        new(Name, Kind, HeadTitle, HeadName, CompositionNote, AdminForms.Lines(Responsibilities), IsReportingUnit);

    public static UnitInput From(OrgUnit unit) => new()
    {
        Code = unit.Code,
        Name = unit.Name,
        Kind = unit.Kind,
        IsReportingUnit = unit.IsReportingUnit,
        HeadTitle = unit.HeadTitle,
        HeadName = unit.HeadName,
        CompositionNote = unit.CompositionNote,
        Responsibilities = string.Join("\n", unit.Responsibilities),
        Version = unit.Version,
    };
}
