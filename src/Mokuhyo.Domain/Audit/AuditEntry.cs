namespace Mokuhyo.Domain.Audit;

/// <summary>One recorded change: who changed what, when, from which value to which.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The entity's type name (Goal, Indicator, ReportState...).</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>The goal a change belongs to, so a goal's history is one query.</summary>
    public Guid? GoalId { get; set; }

    /// <summary>The department a change belongs to, when known.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>added, modified, deleted, or a workflow action (submitted, returned...).</summary>
    public required string Action { get; set; }

    /// <summary>The changed properties as JSON: {"Title": {"old": "…", "new": "…"}}.</summary>
    public required string Changes { get; set; }
}

/// <summary>Who is making the changes being saved; the web host supplies the signed-in user.</summary>
public interface ICurrentActor
{
    Guid? Id { get; }

    string Name { get; }
}

/// <summary>The actor when nobody is signed in: the system itself (start-up, demo data, command line).</summary>
public sealed class SystemActor : ICurrentActor
{
    public static SystemActor Instance { get; } = new();

    public Guid? Id => null;

    public string Name => "system";
}
