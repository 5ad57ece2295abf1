namespace Mokuhyo.Domain.Reports;

/// <summary>
/// A published revision of a department's report in one phase: the <see cref="DepartmentReport"/>
/// snapshot exactly as approved. Later edits never change it; publishing again adds a revision.
/// </summary>
public sealed class PublishedReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportingYearId { get; set; }

    public Guid DepartmentId { get; set; }

    /// <summary>The department's URL code at publication, so old URLs keep working if the unit is renamed.</summary>
    public required string DepartmentCode { get; set; }

    public required string PhaseKey { get; set; }

    /// <summary>Position of the phase in the format (0 = first), so the latest phase can be found in SQL.</summary>
    public int PhaseOrder { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The snapshot, as written by <see cref="ReportJson"/>.</summary>
    public required string Json { get; set; }
}
