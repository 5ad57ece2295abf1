namespace Mokuhyo.Domain.Workflow;

/// <summary>The review status of a department's report in one phase, and its revision.</summary>
public sealed class ReportState : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportingYearId { get; set; }

    public Guid DepartmentId { get; set; }

    public required string PhaseKey { get; set; }

    public ReportStatus Status { get; set; }

    /// <summary>The revision being written or reviewed; it becomes the published revision on publication.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>The revision the public reads, if any.</summary>
    public int? PublishedRevision { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedBy { get; set; }

    public long Version { get; set; }

    public List<ReviewComment> Comments { get; set; } = [];

    /// <summary>Applies an allowed transition.</summary>
    public void Apply(TransitionOutcome outcome, ReportAction action, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Allowed)
        {
            throw new InvalidOperationException($"A refused transition ({outcome.Refusal}) cannot be applied.");
        }

        if (outcome.StartsNewRevision)
        {
            Revision = (PublishedRevision ?? Revision) + 1;
        }

        if (action == ReportAction.Publish)
        {
            PublishedRevision = Revision;
        }

        Status = outcome.To;
        ChangedAt = at;
        ChangedBy = actor;
    }
}

/// <summary>What a review comment records.</summary>
public enum ReviewCommentKind
{
    /// <summary>A remark during review, on the report or on one goal.</summary>
    Comment = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Published = 4,
    Reopened = 5,
}

/// <summary>A comment or a decision during review, kept with the revision it was made on.</summary>
public sealed class ReviewComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportStateId { get; set; }

    public int Revision { get; set; }

    /// <summary>The goal the comment is about; null for the report as a whole.</summary>
    public Guid? GoalId { get; set; }

    public ReviewCommentKind Kind { get; set; }

    public Guid? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public string? Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
