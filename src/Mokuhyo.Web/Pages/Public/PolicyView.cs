using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A node of the higher plans as the published reports of a year name it, with the published goals linked to it or below it.</summary>
public sealed record PublicPolicyNode(string Code, string Level, string Name, string? ParentCode,
    IReadOnlyList<(DepartmentReport Report, ReportGoal Goal)> Goals, int SubtreeGoalCount);

/// <summary>
/// The policy tree of a year, built only from published snapshots (never from the live tree staff edit),
/// so the public sees each goal's links and names as they were when it was published.
/// </summary>
public static class PolicyView
{
    public static IReadOnlyList<PublicPolicyNode> Build(IReadOnlyList<DepartmentReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var nodes = new Dictionary<string, (string Level, string Name, string? Parent)>(StringComparer.Ordinal);
        var direct = new Dictionary<string, List<(DepartmentReport, ReportGoal)>>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var goal in report.Goals)
            {
                foreach (var policy in goal.Policies ?? [])
                {
                    string? parent = null;
                    foreach (var ancestor in policy.Ancestors)
                    {
                        nodes.TryAdd(ancestor.Code, (ancestor.Level, ancestor.Name, parent));
                        parent = ancestor.Code;
                    }

                    nodes.TryAdd(policy.Code, (policy.Level, policy.Name, parent));
                    if (!direct.TryGetValue(policy.Code, out var list))
                    {
                        direct[policy.Code] = list = [];
                    }

                    list.Add((report, goal));
                }
            }
        }

        int Subtree(string code)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal) { code };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var (c, n) in nodes)
                {
                    grew |= n.Parent is { } p && codes.Contains(p) && codes.Add(c);
                }
            }

            return codes.SelectMany(c => direct.GetValueOrDefault(c) ?? []).Select(x => (x.Item1.Department.Code, x.Item2.Number)).Distinct().Count();
        }

        return [.. nodes.OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new PublicPolicyNode(n.Key, n.Value.Level, n.Value.Name, n.Value.Parent,
                [.. (direct.GetValueOrDefault(n.Key) ?? []).OrderBy(x => x.Item1.Department.Code, StringComparer.Ordinal).ThenBy(x => x.Item2.Number)],
                Subtree(n.Key)))];
    }

    public static IEnumerable<(PublicPolicyNode Node, int Depth)> InTreeOrder(IReadOnlyList<PublicPolicyNode> nodes, string? parent = null, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes.Where(n => n.ParentCode == parent))
        {
            yield return (node, depth);
            foreach (var child in InTreeOrder(nodes, node.Code, depth + 1))
            {
                yield return child;
            }
        }
    }
}
