namespace Mokuhyo.Domain.Policies;

/// <summary>The level of a node of a city's higher plans.</summary>
public enum PolicyLevel
{
    /// <summary>総合計画 (a comprehensive plan, e.g. 第6次総合計画).</summary>
    Plan,

    /// <summary>施策 (a policy measure of the plan).</summary>
    Measure,

    /// <summary>事業 (a programme under a measure).</summary>
    Programme,
}

/// <summary>
/// A node of a municipality's higher plans (総合計画 → 施策 → 事業). The tree spans fiscal years: each
/// node is valid from one year to another (open-ended when no end is set), and goals of any department
/// link to it.
/// </summary>
public sealed class PolicyNode : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MunicipalityId { get; set; }

    public Guid? ParentId { get; set; }

    public PolicyLevel Level { get; set; }

    /// <summary>The stable URL name of the node within its city (dai6-1-2).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>First fiscal year (start year) the node applies to.</summary>
    public int ValidFrom { get; set; }

    /// <summary>Last fiscal year the node applies to; null while it still applies.</summary>
    public int? ValidTo { get; set; }

    public int SortOrder { get; set; }

    public long Version { get; set; }

    public bool AppliesTo(int year) => ValidFrom <= year && (ValidTo is null || year <= ValidTo);

    /// <summary>The level a child of a node of this level has, or null below 事業.</summary>
    public static PolicyLevel? ChildLevel(PolicyLevel? parent) => parent switch
    {
        null => PolicyLevel.Plan,
        PolicyLevel.Plan => PolicyLevel.Measure,
        PolicyLevel.Measure => PolicyLevel.Programme,
        _ => null,
    };
}

/// <summary>A goal's link to a node of the higher plans; a goal may link to several.</summary>
public sealed class GoalPolicyLink
{
    public Guid GoalId { get; set; }

    public Guid PolicyNodeId { get; set; }
}
