namespace Mokuhyo.Domain.Organization;

/// <summary>
/// A unit of the organization in one fiscal year (部, 担当部長, 課, 担当, センター, 支所, 事務局...).
/// Units form a tree of any depth; each year has its own tree.
/// </summary>
public sealed class OrgUnit : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportingYearId { get; set; }

    public Guid? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    public List<OrgUnit> Children { get; set; } = [];

    /// <summary>The URL name, unique within the year (shimin-seikatsu).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The kind as the city's format names it (部, 課, センター...).</summary>
    public required string Kind { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Whether the unit publishes its own report of goals (a 部, a 担当部長, a 事務局...).</summary>
    public bool IsReportingUnit { get; set; }

    public string? HeadTitle { get; set; }

    public string? HeadName { get; set; }

    /// <summary>How the unit is composed, as the city writes it (市民生活部は、地域振興課・…で構成し、…).</summary>
    public string? CompositionNote { get; set; }

    /// <summary>所管事務, in order.</summary>
    public List<string> Responsibilities { get; set; } = [];

    /// <summary>The unit this one continues from last year, when the tree was carried forward.</summary>
    public Guid? PreviousUnitId { get; set; }

    public long Version { get; set; }

    /// <summary>Unit codes are lower-case ASCII letters, digits and inner hyphens, like municipality slugs.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= Text.TextLimits.Code
        && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && code[0] != '-' && code[^1] != '-';
}

/// <summary>One entry of a department plan section (a numbered 基本方向 item, a 経営資源 row...).</summary>
public sealed class PlanItem : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrgUnitId { get; set; }

    /// <summary>The section, as the format defines it (basic-direction, priority-policy...).</summary>
    public required string SectionKey { get; set; }

    public int Ordinal { get; set; }

    /// <summary>The row label of a table section (職員数); empty for list and paragraph sections.</summary>
    public string? Label { get; set; }

    public required string Text { get; set; }

    /// <summary>For a section that spans years (組織ビジョン): the first fiscal year the item covers.</summary>
    public int? FromYear { get; set; }

    /// <summary>For a section that spans years: the last fiscal year the item covers.</summary>
    public int? ToYear { get; set; }

    public long Version { get; set; }
}
