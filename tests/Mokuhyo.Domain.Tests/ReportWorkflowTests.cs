using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Domain.Tests;

public class ReportWorkflowTests
{
    private const ReportRole Editor = ReportRole.Editor;
    private const ReportRole Approver = ReportRole.Approver;
    private const ReportRole Planning = ReportRole.Planning;

    [Theory]
    [InlineData(ReportStatus.NotStarted, ReportAction.Edit, Editor, ReportStatus.Draft)]
    [InlineData(ReportStatus.Draft, ReportAction.Edit, Editor, ReportStatus.Draft)]
    [InlineData(ReportStatus.Returned, ReportAction.Edit, Editor, ReportStatus.Returned)]
    [InlineData(ReportStatus.Draft, ReportAction.Submit, Editor, ReportStatus.Submitted)]
    [InlineData(ReportStatus.Returned, ReportAction.Submit, Editor, ReportStatus.Submitted)]
    [InlineData(ReportStatus.Submitted, ReportAction.Approve, Approver, ReportStatus.Approved)]
    [InlineData(ReportStatus.Approved, ReportAction.Publish, Approver, ReportStatus.Published)]
    [InlineData(ReportStatus.Approved, ReportAction.Publish, Planning, ReportStatus.Published)]
    public void Legal_transitions_lead_to_the_next_status(ReportStatus from, ReportAction action, ReportRole roles, ReportStatus expected)
    {
        var outcome = ReportWorkflow.Decide(from, action, roles, comment: null);

        Assert.True(outcome.Allowed);
        Assert.Equal(expected, outcome.To);
        Assert.Equal(TransitionRefusal.None, outcome.Refusal);
    }

    [Theory]
    [InlineData(ReportStatus.Submitted)]
    [InlineData(ReportStatus.Approved)]
    public void Sending_back_needs_a_comment(ReportStatus from)
    {
        Assert.Equal(TransitionRefusal.CommentRequired, ReportWorkflow.Decide(from, ReportAction.Return, Approver, null).Refusal);
        Assert.Equal(TransitionRefusal.CommentRequired, ReportWorkflow.Decide(from, ReportAction.Return, Approver, " \n\t").Refusal);

        var outcome = ReportWorkflow.Decide(from, ReportAction.Return, Approver, "目標値の根拠を追記してください。");
        Assert.True(outcome.Allowed);
        Assert.Equal(ReportStatus.Returned, outcome.To);
    }

    [Fact]
    public void Reopening_a_published_report_starts_a_new_revision_and_needs_a_reason()
    {
        Assert.Equal(TransitionRefusal.CommentRequired, ReportWorkflow.Decide(ReportStatus.Published, ReportAction.Reopen, Planning, "").Refusal);

        var outcome = ReportWorkflow.Decide(ReportStatus.Published, ReportAction.Reopen, Planning, "実績値の誤りを訂正するため");
        Assert.True(outcome.Allowed);
        Assert.True(outcome.StartsNewRevision);
        Assert.Equal(ReportStatus.Draft, outcome.To);
    }

    [Theory]
    [InlineData(ReportStatus.NotStarted, ReportAction.Submit)]
    [InlineData(ReportStatus.NotStarted, ReportAction.Approve)]
    [InlineData(ReportStatus.NotStarted, ReportAction.Publish)]
    [InlineData(ReportStatus.Draft, ReportAction.Approve)]
    [InlineData(ReportStatus.Draft, ReportAction.Publish)]
    [InlineData(ReportStatus.Draft, ReportAction.Return)]
    [InlineData(ReportStatus.Submitted, ReportAction.Edit)]
    [InlineData(ReportStatus.Submitted, ReportAction.Submit)]
    [InlineData(ReportStatus.Submitted, ReportAction.Publish)]
    [InlineData(ReportStatus.Returned, ReportAction.Approve)]
    [InlineData(ReportStatus.Returned, ReportAction.Publish)]
    [InlineData(ReportStatus.Approved, ReportAction.Edit)]
    [InlineData(ReportStatus.Approved, ReportAction.Approve)]
    [InlineData(ReportStatus.Published, ReportAction.Edit)]
    [InlineData(ReportStatus.Published, ReportAction.Publish)]
    [InlineData(ReportStatus.Published, ReportAction.Approve)]
    [InlineData(ReportStatus.Draft, ReportAction.Reopen)]
    public void Illegal_transitions_are_refused_whoever_asks(ReportStatus from, ReportAction action)
    {
        var outcome = ReportWorkflow.Decide(from, action, Editor | Approver | Planning, "コメント");

        Assert.False(outcome.Allowed);
        Assert.Equal(TransitionRefusal.IllegalTransition, outcome.Refusal);
        Assert.Equal(from, outcome.To);
    }

    [Theory]
    [InlineData(ReportStatus.Draft, ReportAction.Submit, Approver)]
    [InlineData(ReportStatus.Draft, ReportAction.Edit, Approver)]
    [InlineData(ReportStatus.Draft, ReportAction.Edit, Planning)]
    [InlineData(ReportStatus.Submitted, ReportAction.Approve, Editor)]
    [InlineData(ReportStatus.Submitted, ReportAction.Approve, Planning)]
    [InlineData(ReportStatus.Submitted, ReportAction.Return, Editor)]
    [InlineData(ReportStatus.Approved, ReportAction.Publish, Editor)]
    [InlineData(ReportStatus.Published, ReportAction.Reopen, Approver)]
    [InlineData(ReportStatus.Published, ReportAction.Reopen, Editor)]
    [InlineData(ReportStatus.Published, ReportAction.Reopen, Editor | Approver)]
    [InlineData(ReportStatus.Submitted, ReportAction.Approve, ReportRole.None)]
    public void Legal_transitions_are_refused_to_those_without_the_role(ReportStatus from, ReportAction action, ReportRole roles)
    {
        var outcome = ReportWorkflow.Decide(from, action, roles, "コメント");

        Assert.False(outcome.Allowed);
        Assert.Equal(TransitionRefusal.NotPermitted, outcome.Refusal);
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused_counting_characters_as_read()
    {
        var atLimit = string.Concat(Enumerable.Repeat("𠮷", ReportWorkflow.MaxCommentLength));

        Assert.True(ReportWorkflow.Decide(ReportStatus.Submitted, ReportAction.Return, Approver, atLimit).Allowed);
        Assert.Equal(TransitionRefusal.CommentTooLong,
            ReportWorkflow.Decide(ReportStatus.Submitted, ReportAction.Return, Approver, atLimit + "a").Refusal);
    }

    [Theory]
    [InlineData(ReportStatus.NotStarted, true)]
    [InlineData(ReportStatus.Draft, true)]
    [InlineData(ReportStatus.Returned, true)]
    [InlineData(ReportStatus.Submitted, false)]
    [InlineData(ReportStatus.Approved, false)]
    [InlineData(ReportStatus.Published, false)]
    public void Content_is_editable_only_before_submission_or_after_being_sent_back(ReportStatus status, bool editable)
    {
        Assert.Equal(editable, ReportWorkflow.IsEditable(status));
    }

    [Theory]
    [InlineData(ReportStatus.NotStarted, ReportRole.Planning, true)]
    [InlineData(ReportStatus.Draft, ReportRole.Planning, true)]
    [InlineData(ReportStatus.Returned, ReportRole.Planning, true)]
    [InlineData(ReportStatus.NotStarted, ReportRole.Editor, true)]
    [InlineData(ReportStatus.Submitted, ReportRole.Planning, false)]
    [InlineData(ReportStatus.Approved, ReportRole.Planning, false)]
    [InlineData(ReportStatus.Published, ReportRole.Planning, false)]
    [InlineData(ReportStatus.Draft, ReportRole.Approver, false)]
    [InlineData(ReportStatus.Draft, ReportRole.None, false)]
    public void An_import_fills_drafts_for_editors_and_planning_staff_where_editing_may_start(ReportStatus from, ReportRole roles, bool allowed)
    {
        var outcome = ReportWorkflow.DecideImport(from, roles);

        Assert.Equal(allowed, outcome.Allowed);
        Assert.Equal(allowed, outcome.Allowed && (from == ReportStatus.Returned ? outcome.To == ReportStatus.Returned : outcome.To == ReportStatus.Draft));
    }

    [Fact]
    public void Planning_staff_still_may_not_edit_by_hand()
    {
        Assert.Equal(TransitionRefusal.NotPermitted, ReportWorkflow.Decide(ReportStatus.Draft, ReportAction.Edit, ReportRole.Planning, null).Refusal);
    }
}
