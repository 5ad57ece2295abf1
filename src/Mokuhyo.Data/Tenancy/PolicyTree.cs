using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Policies;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Tenancy;

/// <summary>How a change to the higher-plan tree ended.</summary>
public enum PolicySaveOutcome
{
    Saved,
    NotFound,
    CodeTaken,

    /// <summary>事業 have no children.</summary>
    TooDeep,

    /// <summary>A node with children or linked goals is not deleted.</summary>
    InUse,
    Conflict,
}

/// <summary>A node as entered: code, name and the years it applies to.</summary>
public sealed record PolicyNodeInput(string Code, string Name, int ValidFrom, int? ValidTo);

/// <summary>
/// A municipality's higher plans (総合計画 → 施策 → 事業), edited by its planning staff, and the links from
/// goals to them, which publication copies into the report snapshot.
/// </summary>
public sealed class PolicyTree(MokuhyoDbContext db)
{
    public async Task<IReadOnlyList<PolicyNode>> NodesAsync(Guid municipalityId, CancellationToken cancellationToken = default) =>
        await db.PolicyNodes.AsNoTracking().Where(n => n.MunicipalityId == municipalityId)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Code).ToListAsync(cancellationToken);

    public async Task<PolicyNode?> FindAsync(Guid municipalityId, string code, CancellationToken cancellationToken = default) =>
        await db.PolicyNodes.AsNoTracking().SingleOrDefaultAsync(n => n.MunicipalityId == municipalityId && n.Code == code, cancellationToken);

    /// <summary>Adds a node under a parent of the same municipality (or a 総合計画 at the top).</summary>
    public async Task<PolicySaveOutcome> AddAsync(Guid municipalityId, Guid? parentId, PolicyNodeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        PolicyNode? parent = null;
        if (parentId is { } p && (parent = await db.PolicyNodes.SingleOrDefaultAsync(n => n.Id == p && n.MunicipalityId == municipalityId, cancellationToken)) is null)
        {
            return PolicySaveOutcome.NotFound;
        }

        if (PolicyNode.ChildLevel(parent?.Level) is not { } level)
        {
            return PolicySaveOutcome.TooDeep;
        }

        if (await db.PolicyNodes.AnyAsync(n => n.MunicipalityId == municipalityId && n.Code == input.Code, cancellationToken))
        {
            return PolicySaveOutcome.CodeTaken;
        }

        var order = await db.PolicyNodes.Where(n => n.MunicipalityId == municipalityId).MaxAsync(n => (int?)n.SortOrder, cancellationToken) ?? 0;
        db.PolicyNodes.Add(new PolicyNode
        {
            MunicipalityId = municipalityId,
            ParentId = parent?.Id,
            Level = level,
            Code = input.Code,
            Name = input.Name.Trim(),
            ValidFrom = input.ValidFrom,
            ValidTo = input.ValidTo,
            SortOrder = order + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
        return PolicySaveOutcome.Saved;
    }

    /// <summary>Renames a node or changes its years; goals already published keep the name they were published with.</summary>
    public async Task<PolicySaveOutcome> UpdateAsync(Guid municipalityId, string code, long version, PolicyNodeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var node = await db.PolicyNodes.SingleOrDefaultAsync(n => n.MunicipalityId == municipalityId && n.Code == code, cancellationToken);
        if (node is null)
        {
            return PolicySaveOutcome.NotFound;
        }

        if (node.Version != version)
        {
            return PolicySaveOutcome.Conflict;
        }

        node.Name = input.Name.Trim();
        node.ValidFrom = input.ValidFrom;
        node.ValidTo = input.ValidTo;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PolicySaveOutcome.Conflict;
        }

        return PolicySaveOutcome.Saved;
    }

    public async Task<PolicySaveOutcome> DeleteAsync(Guid municipalityId, string code, CancellationToken cancellationToken = default)
    {
        var node = await db.PolicyNodes.SingleOrDefaultAsync(n => n.MunicipalityId == municipalityId && n.Code == code, cancellationToken);
        if (node is null)
        {
            return PolicySaveOutcome.NotFound;
        }

        if (await db.PolicyNodes.AnyAsync(n => n.ParentId == node.Id, cancellationToken) || await db.GoalPolicyLinks.AnyAsync(l => l.PolicyNodeId == node.Id, cancellationToken))
        {
            return PolicySaveOutcome.InUse;
        }

        db.PolicyNodes.Remove(node);
        await db.SaveChangesAsync(cancellationToken);
        return PolicySaveOutcome.Saved;
    }

    /// <summary>The nodes a goal links to.</summary>
    public async Task<IReadOnlyList<Guid>> LinksAsync(Guid goalId, CancellationToken cancellationToken = default) =>
        await db.GoalPolicyLinks.Where(l => l.GoalId == goalId).Select(l => l.PolicyNodeId).ToListAsync(cancellationToken);

    /// <summary>
    /// Replaces a goal's links, within the caller's transaction (the workflow's edit gate runs in the same one).
    /// Nodes of another municipality are ignored.
    /// </summary>
    public async Task SetLinksAsync(Guid municipalityId, Guid goalId, IReadOnlyCollection<Guid> nodeIds, CancellationToken cancellationToken = default)
    {
        var valid = await db.PolicyNodes.Where(n => n.MunicipalityId == municipalityId && nodeIds.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken);
        var current = await db.GoalPolicyLinks.Where(l => l.GoalId == goalId).ToListAsync(cancellationToken);
        db.GoalPolicyLinks.RemoveRange(current.Where(l => !valid.Contains(l.PolicyNodeId)));
        db.GoalPolicyLinks.AddRange(valid.Where(id => !current.Any(l => l.PolicyNodeId == id)).Select(id => new GoalPolicyLink { GoalId = goalId, PolicyNodeId = id }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Per goal, the nodes it links to as they are named now, with their ancestors' names: what a publication copies.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ReportPolicyRef>>> RefsAsync(MokuhyoDbContext db, IReadOnlyCollection<Guid> goalIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.GoalPolicyLinks.AsNoTracking().Where(l => goalIds.Contains(l.GoalId)).ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<ReportPolicyRef>>();
        }

        var nodeIds = links.Select(l => l.PolicyNodeId).ToHashSet();
        var municipalities = await db.PolicyNodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).Select(n => n.MunicipalityId).Distinct().ToListAsync(cancellationToken);
        var nodes = await db.PolicyNodes.AsNoTracking().Where(n => municipalities.Contains(n.MunicipalityId)).ToDictionaryAsync(n => n.Id, cancellationToken);
        return links.GroupBy(l => l.GoalId).ToDictionary(g => g.Key, g => (IReadOnlyList<ReportPolicyRef>)[.. g
            .Select(l => nodes[l.PolicyNodeId])
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal)
            .Select(n => new ReportPolicyRef(n.Code, LevelKey(n.Level), n.Name,
                [.. Ancestors(n, nodes).Reverse().Select(a => new ReportPolicyRef(a.Code, LevelKey(a.Level), a.Name, []))]))]);
    }

    public static string LevelKey(PolicyLevel level) => level switch
    {
        PolicyLevel.Plan => "plan",
        PolicyLevel.Measure => "measure",
        _ => "programme",
    };

    private static IEnumerable<PolicyNode> Ancestors(PolicyNode node, Dictionary<Guid, PolicyNode> nodes)
    {
        var seen = new HashSet<Guid> { node.Id };
        for (var id = node.ParentId; id is { } p && nodes.TryGetValue(p, out var parent) && seen.Add(p); id = parent.ParentId)
        {
            yield return parent;
        }
    }

    /// <summary>Node codes follow unit codes: lower-case ASCII, digits and hyphens, stable in URLs.</summary>
    public static bool IsValidCode(string? code) => OrgUnit.IsValidCode(code);
}
