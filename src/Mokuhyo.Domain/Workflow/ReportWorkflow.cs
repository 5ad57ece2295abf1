namespace Mokuhyo.Domain.Workflow;

/// <summary>
/// The review workflow of a department's report in one phase:
/// 下書き → 提出 → 差戻し (with a comment) or 承認 → 公開, and a new revision after publication.
/// The one place that decides which transitions are legal and who may make them.
/// </summary>
public static class ReportWorkflow
{
    /// <summary>Longest review comment, in text elements.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Whether the content of a report in this status may be changed.</summary>
    public static bool IsEditable(ReportStatus status) =>
        status is ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>
    /// Decides whether a workbook import may fill the report's draft: where editing may start, by its editors
    /// and also by planning staff, who bring a city's existing goal sheets in for every department.
    /// </summary>
    public static TransitionOutcome DecideImport(ReportStatus from, ReportRole roles) =>
        Decide(from, ReportAction.Edit, (roles & ReportRole.Planning) != ReportRole.None ? roles | ReportRole.Editor : roles, null);

    /// <summary>Decides a transition; the outcome says why when it is refused.</summary>
    public static TransitionOutcome Decide(ReportStatus from, ReportAction action, ReportRole roles, string? comment)
    {
        var (to, allowed, needs) = (from, action) switch
        {
            (ReportStatus.NotStarted or ReportStatus.Draft, ReportAction.Edit) => (ReportStatus.Draft, true, ReportRole.Editor),
            (ReportStatus.Returned, ReportAction.Edit) => (ReportStatus.Returned, true, ReportRole.Editor),
            (ReportStatus.Draft or ReportStatus.Returned, ReportAction.Submit) => (ReportStatus.Submitted, true, ReportRole.Editor),
            (ReportStatus.Submitted or ReportStatus.Approved, ReportAction.Return) => (ReportStatus.Returned, true, ReportRole.Approver),
            (ReportStatus.Submitted, ReportAction.Approve) => (ReportStatus.Approved, true, ReportRole.Approver),
            (ReportStatus.Approved, ReportAction.Publish) => (ReportStatus.Published, true, ReportRole.Approver | ReportRole.Planning),
            // Reopening what the public reads is the cycle's business: planning staff, with a reason.
            (ReportStatus.Published, ReportAction.Reopen) => (ReportStatus.Draft, true, ReportRole.Planning),
            _ => (from, false, ReportRole.None),
        };

        if (!allowed)
        {
            return TransitionOutcome.Refused(from, TransitionRefusal.IllegalTransition);
        }

        if ((roles & needs) == ReportRole.None)
        {
            return TransitionOutcome.Refused(from, TransitionRefusal.NotPermitted);
        }

        var needsComment = action is ReportAction.Return or ReportAction.Reopen;
        if (needsComment && string.IsNullOrWhiteSpace(comment))
        {
            return TransitionOutcome.Refused(from, TransitionRefusal.CommentRequired);
        }

        if (comment is not null && !Text.TextRules.FitsWithin(comment, MaxCommentLength))
        {
            return TransitionOutcome.Refused(from, TransitionRefusal.CommentTooLong);
        }

        return new TransitionOutcome(true, to, TransitionRefusal.None, action is ReportAction.Reopen);
    }
}

/// <summary>Why a transition was refused.</summary>
public enum TransitionRefusal
{
    None = 0,
    IllegalTransition = 1,
    NotPermitted = 2,
    CommentRequired = 3,
    CommentTooLong = 4,

    /// <summary>A field the city's format requires is empty on some goal (課題, 自己評価...).</summary>
    RequiredFieldsMissing = 5,
}

/// <summary>The result of asking for a transition: the status after it, or why it was refused.</summary>
public sealed record TransitionOutcome(bool Allowed, ReportStatus To, TransitionRefusal Refusal, bool StartsNewRevision)
{
    public static TransitionOutcome Refused(ReportStatus from, TransitionRefusal refusal) => new(false, from, refusal, false);
}
