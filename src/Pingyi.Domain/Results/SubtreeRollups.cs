using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Results;

/// <summary>An organisation of the tree a roll-up is drawn over (its materialised path places it).</summary>
public sealed record RollupNode(int OrganizationId, string Name, string Path);

/// <summary>
/// One organisation's row of a subtree roll-up, over the subjects placed in its subtree (an
/// organisation subject at its organisation, a member at the member's organisation).
/// <see cref="Average"/> is the unweighted mean of the shown subjects' 满意率 and <see cref="Pooled"/>
/// their answers added up; <see cref="Subjects"/> counts all subjects in the subtree,
/// <see cref="SubjectsShown"/> those with a shown rate. <see cref="Depth"/> is 0 for the top rows.
/// <see cref="DirectSubjectIds"/> are the subjects placed at this organisation itself.
/// </summary>
public sealed record SubtreeRollup(
    RollupNode Node,
    int Depth,
    int Subjects,
    int SubjectsShown,
    double? Average,
    Rate Pooled,
    SubjectRate? Highest,
    SubjectRate? Lowest,
    IReadOnlyList<int> DirectSubjectIds);

/// <summary>Rolls a campaign's subject figures up the organisation tree.</summary>
public static class SubtreeRollups
{
    /// <summary>
    /// One row per node that has subjects in its subtree, parents before their children.
    /// Only subjects whose overall rate is shown enter a row's figures: a pooled rate over a hidden
    /// subject would give that subject's answers away once the shown subjects were subtracted from
    /// it, so a row built from shown figures alone tells nothing the subject rows do not. A row
    /// therefore says how many of its subjects it covers.
    /// </summary>
    public static IReadOnlyList<SubtreeRollup> Compute(CampaignResult result, IReadOnlyList<RollupNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(nodes);
        var pathOf = nodes.ToDictionary(n => n.OrganizationId, n => n.Path);
        var placed = result.Subjects
            .Select(s => (Result: s, Home: s.Subject.MemberId is null ? s.Subject.OrganizationId : s.Subject.ParentOrganizationId))
            .Where(s => s.Home is { } home && pathOf.ContainsKey(home))
            .Select(s => (s.Result, Home: s.Home!.Value, Path: pathOf[s.Home!.Value]))
            .ToList();
        var top = nodes.Count == 0 ? 0 : nodes.Min(Depth);
        var rows = new List<SubtreeRollup>();
        foreach (var node in nodes.OrderBy(n => n.Path, StringComparer.Ordinal))
        {
            var inTree = placed.Where(s => OrganizationTree.IsWithin(s.Path, node.Path)).ToList();
            if (inTree.Count == 0)
            {
                continue;
            }
            var shown = inTree
                .Where(s => s.Result.Overall.Rate is not null)
                .Select(s => new SubjectRate(s.Result.Subject.Id, s.Result.Subject.Name, s.Result.Overall.Rate!.Value))
                .OrderByDescending(s => s.Rate.Value).ThenByDescending(s => s.Rate.N)
                .ToList();
            rows.Add(new SubtreeRollup(
                node,
                Depth(node) - top,
                inTree.Count,
                shown.Count,
                shown.Count == 0 ? null : shown.Average(s => s.Rate.Value!.Value),
                shown.Aggregate(Rate.Empty, (sum, s) => sum.Add(s.Rate)),
                shown.FirstOrDefault(),
                shown.LastOrDefault(),
                [.. inTree.Where(s => s.Home == node.OrganizationId).Select(s => s.Result.Subject.Id)]));
        }
        return rows;
    }

    private static int Depth(RollupNode node) => node.Path.Count(c => c == '/') - 2;
}
