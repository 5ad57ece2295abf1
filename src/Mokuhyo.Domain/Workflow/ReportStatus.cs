namespace Mokuhyo.Domain.Workflow;

/// <summary>Where a department's report of one phase stands in review.</summary>
public enum ReportStatus
{
    /// <summary>未着手: nothing written for the phase yet.</summary>
    NotStarted = 0,

    /// <summary>下書き.</summary>
    Draft = 1,

    /// <summary>提出済: waiting for the approver; content is locked.</summary>
    Submitted = 2,

    /// <summary>差戻し: sent back with a comment; the editors fix and resubmit.</summary>
    Returned = 3,

    /// <summary>承認済: approved, waiting for publication; content is locked.</summary>
    Approved = 4,

    /// <summary>公開: published; the public reads the snapshot of this revision.</summary>
    Published = 5,
}

/// <summary>What someone asks the workflow to do.</summary>
public enum ReportAction
{
    Edit = 0,
    Submit = 1,
    Return = 2,
    Approve = 3,
    Publish = 4,

    /// <summary>Start a new revision of a published report; the public keeps the published one meanwhile.</summary>
    Reopen = 5,
}

/// <summary>The part a person plays for a report, decided by the authorization layer.</summary>
[Flags]
public enum ReportRole
{
    None = 0,

    /// <summary>Writes the report (bound to the department or one of its units).</summary>
    Editor = 1,

    /// <summary>Approves the report (部長 for a department).</summary>
    Approver = 2,

    /// <summary>Planning staff (企画): run the cycle and publish.</summary>
    Planning = 4,
}
