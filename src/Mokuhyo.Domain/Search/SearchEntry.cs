namespace Mokuhyo.Domain.Search;

/// <summary>
/// One searchable piece of a published report — a goal, a section of the department plan, or the
/// department's units — as the public reads it. Built only from the latest published revision of a
/// department's report and replaced when a newer one is published.
/// </summary>
public sealed class SearchEntry
{
    /// <summary>An integer key, so SQLite's full-text index can refer to the row by rowid.</summary>
    public long Id { get; set; }

    public Guid PublishedReportId { get; set; }

    public Guid DepartmentId { get; set; }

    /// <summary>How the entries were built (<see cref="SearchDocuments.Version"/>), so an index built by older code is rebuilt.</summary>
    public int IndexVersion { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string MunicipalitySlug { get; set; }

    public required string MunicipalityName { get; set; }

    /// <summary>The western start year of the fiscal year.</summary>
    public int FiscalYear { get; set; }

    public required string DepartmentCode { get; set; }

    public required string DepartmentName { get; set; }

    /// <summary>The department's place in its year's organization, for a stable order of results.</summary>
    public int DepartmentOrder { get; set; }

    /// <summary>goal, plan or department (<see cref="SearchEntryKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>Order within the department: units first, then the plan sections, then goals by number.</summary>
    public int Position { get; set; }

    /// <summary>The element id on the report page this entry links to (goal-3, plan-direction).</summary>
    public required string Anchor { get; set; }

    public int? GoalNumber { get; set; }

    public required string Title { get; set; }

    /// <summary>met, not-met or not-rated for a goal; null for the plan and the units.</summary>
    public string? RatingOutcome { get; set; }

    public string? RatingLabel { get; set; }

    /// <summary>The published text, exactly, one field per line.</summary>
    public required string Text { get; set; }

    /// <summary><see cref="Text"/> folded by <see cref="SearchText.Fold"/>: what the database matches against.</summary>
    public required string Folded { get; set; }
}

/// <summary>What a search entry stands for.</summary>
public static class SearchEntryKinds
{
    public const string Goal = "goal";
    public const string Plan = "plan";
    public const string Department = "department";
}
