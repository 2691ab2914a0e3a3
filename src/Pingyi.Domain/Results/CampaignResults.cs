using Pingyi.Domain.Campaigns;

namespace Pingyi.Domain.Results;

/// <summary>Computes a campaign's statistics from its counted answers; pure and deterministic.</summary>
public static class CampaignResults
{
    /// <summary>
    /// The campaign's figures, restricted to <paramref name="subjectIds"/> when given (an
    /// organisation administrator's subtree): subjects, summaries, group columns, directions and
    /// rankings then cover those subjects only. Suppression (<see cref="Suppression.Apply"/>) runs
    /// over the whole campaign first and the restricted view starts from its hidden cells, so a
    /// cell hidden in the campaign's view is never shown in a subtree's.
    /// <para>Lower-trust groups (<see cref="GroupInfo.IsLowerTrust"/>: the standing QR, which anyone
    /// passing may scan as often as they like) stay out of every subject total, direction figure,
    /// composite, campaign summary and ranking; their cells and their own group column are shown
    /// apart, marked <see cref="CampaignResult.LowerTrustLabel"/>. Answers of a cell missing from
    /// <see cref="ResultInput.Cells"/> are ignored: without its ballot count it could not be suppressed.</para>
    /// </summary>
    public static CampaignResult Compute(ResultInput input, IReadOnlyCollection<int>? subjectIds = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var k = Suppression.EffectiveK(input.MinGroupSize);
        var groups = input.Groups.OrderBy(g => g.Position).ThenBy(g => g.Id).ToList();
        var groupById = groups.ToDictionary(g => g.Id);
        var cells = input.Cells
            .Where(c => groupById.ContainsKey(c.RaterGroupId))
            .GroupBy(c => new CellKey(c.SubjectId, c.RaterGroupId))
            .ToDictionary(g => g.Key, g => (g.First().Direction, Ballots: g.Sum(c => c.Ballots)));
        var ballots = cells.ToDictionary(c => c.Key, c => c.Value.Ballots);
        var calculator = new FigureCalculator(input.Items, ballots, input.Answers);

        var all = input.Subjects;
        var whole = Suppression.Apply(ballots, Aggregates(all, groups, cells), k);
        var inSubtree = subjectIds?.ToHashSet();
        var subjects = inSubtree is null ? all : [.. all.Where(s => inSubtree.Contains(s.Id))];
        var outcome = inSubtree is null ? whole : PartView(ballots, Aggregates(all, groups, cells), Aggregates(subjects, groups, cells), k, whole);

        var view = new View(groups, cells, calculator, outcome);
        var subjectResults = subjects.Select(view.Subject).ToList();
        var summary = view.Summarise(subjectResults, s => s.Overall, CampaignKey, view.Trusted(subjects));
        var columns = groups
            .Select(g => new GroupSummary(g, view.Summarise(
                subjectResults.Where(s => s.Cell(g.Id) is not null).ToList(),
                s => s.Cell(g.Id)!.Block,
                GroupKey(g.Id),
                [.. subjects.Select(s => new CellKey(s.Id, g.Id)).Where(cells.ContainsKey)])))
            .ToList();
        var directions = view.Trusted(subjects)
            .Select(c => cells[c].Direction).Distinct().Order()
            .Select(d => new DirectionSummary(d, view.Summarise(
                subjectResults.Where(s => s.Directions.Any(x => x.Direction == d)).ToList(),
                s => s.Directions.First(x => x.Direction == d).Block,
                DirectionKey(d),
                [.. view.Trusted(subjects).Where(c => cells[c].Direction == d)])))
            .ToList();
        return new CampaignResult(
            input.CampaignId,
            k,
            input.ExcludedBallots,
            groups,
            [.. input.Items.OrderBy(i => i.Position).ThenBy(i => i.Id)],
            subjectResults,
            summary,
            columns,
            directions,
            Rankings.Rank(subjectResults));
    }

    private const string CampaignKey = "campaign";

    private static string SubjectKey(int subjectId) => $"subject:{subjectId}";

    private static string SubjectDirectionKey(int subjectId, Direction d) => $"subject:{subjectId}:direction:{(int)d}";

    private static string GroupKey(int groupId) => $"group:{groupId}";

    private static string DirectionKey(Direction d) => $"direction:{(int)d}";

    /// <summary>
    /// Suppression of a subtree's view: the cells exactly as the campaign view shows them, its own
    /// totals hidden where they, or their difference from the campaign's total of the same name
    /// (a reader may hold both views), would give away a hidden cell.
    /// </summary>
    private static SuppressionOutcome PartView(IReadOnlyDictionary<CellKey, long> ballots, List<SuppressionAggregate> whole,
        List<SuppressionAggregate> part, int k, SuppressionOutcome wholeOutcome)
    {
        var wholeByKey = whole.ToDictionary(a => a.Key);
        var complements = part
            .Where(a => wholeByKey.ContainsKey(a.Key))
            .Select(a => new SuppressionAggregate(a.Key, [.. wholeByKey[a.Key].Cells.Except(a.Cells)]))
            .ToList();
        return Suppression.Apply(ballots, part, k, wholeOutcome.HiddenCells, cellsFixed: true, complements);
    }

    /// <summary>Every total a view shows, as sets of cells: the aggregates suppression must protect.</summary>
    private static List<SuppressionAggregate> Aggregates(
        IReadOnlyList<SubjectInfo> subjects,
        IReadOnlyList<GroupInfo> groups,
        IReadOnlyDictionary<CellKey, (Direction Direction, long Ballots)> cells)
    {
        var inView = subjects
            .SelectMany(s => groups.Select(g => new CellKey(s.Id, g.Id)))
            .Where(cells.ContainsKey)
            .ToList();
        var lowerTrust = groups.Where(g => g.IsLowerTrust).Select(g => g.Id).ToHashSet();
        var trusted = inView.Where(c => !lowerTrust.Contains(c.RaterGroupId)).ToList();
        var aggregates = new List<SuppressionAggregate> { new(CampaignKey, trusted) };
        foreach (var s in trusted.GroupBy(c => c.SubjectId))
        {
            aggregates.Add(new(SubjectKey(s.Key), [.. s]));
            aggregates.AddRange(s.GroupBy(c => cells[c].Direction).Select(d => new SuppressionAggregate(SubjectDirectionKey(s.Key, d.Key), [.. d])));
        }
        aggregates.AddRange(inView.GroupBy(c => c.RaterGroupId).Select(g => new SuppressionAggregate(GroupKey(g.Key), [.. g])));
        aggregates.AddRange(trusted.GroupBy(c => cells[c].Direction).Select(d => new SuppressionAggregate(DirectionKey(d.Key), [.. d])));
        return aggregates;
    }

    private sealed class View(
        IReadOnlyList<GroupInfo> groups,
        IReadOnlyDictionary<CellKey, (Direction Direction, long Ballots)> cells,
        FigureCalculator calculator,
        SuppressionOutcome outcome)
    {
        public List<CellKey> Trusted(IEnumerable<SubjectInfo> subjects) =>
            [.. subjects.SelectMany(s => groups.Where(g => !g.IsLowerTrust).Select(g => new CellKey(s.Id, g.Id))).Where(cells.ContainsKey)];

        public SubjectResult Subject(SubjectInfo subject)
        {
            var cellResults = groups
                .Select(g => new CellKey(subject.Id, g.Id))
                .Where(cells.ContainsKey)
                .Select(c => new CellResult(c.RaterGroupId, cells[c].Direction, groups.First(g => g.Id == c.RaterGroupId).IsLowerTrust, Block(outcome.Cell(c), [c])))
                .ToList();
            var trusted = Trusted([subject]);
            var overall = Block(outcome.Aggregate(SubjectKey(subject.Id)), trusted);
            var byDirection = trusted.GroupBy(c => cells[c].Direction).OrderBy(d => d.Key).ToList();
            // Most subjects are rated in one direction: its figures are the overall ones, computed once.
            var directions = byDirection
                .Select(d => new DirectionResult(d.Key, byDirection.Count == 1
                    ? overall
                    : Block(outcome.Aggregate(SubjectDirectionKey(subject.Id, d.Key)), [.. d])))
                .ToList();
            return new SubjectResult(subject, overall, cellResults, directions, CompositeOf(cellResults));
        }

        public Summary Summarise(IReadOnlyList<SubjectResult> subjects, Func<SubjectResult, ResultBlock> block, string key, IReadOnlyList<CellKey> pooledCells)
        {
            var rates = subjects
                .Select(s => (s.Subject, Rate: block(s).Rate))
                .Where(s => s.Rate is not null)
                .Select(s => new SubjectRate(s.Subject.Id, s.Subject.Name, s.Rate!.Value))
                .ToList();
            // Ties: the rate resting on more answers first, then the plan's order, so pages never flicker.
            var ordered = rates.OrderByDescending(r => r.Rate.Value).ThenByDescending(r => r.Rate.N).ToList();
            double? average = rates.Count == 0 ? null : rates.Average(r => r.Rate.Value!.Value);
            return new Summary(
                subjects.Count,
                rates.Count,
                ordered.FirstOrDefault(),
                ordered.LastOrDefault(),
                average,
                Block(outcome.Aggregate(key), pooledCells));
        }

        private ResultBlock Block(SuppressionReason reason, IReadOnlyList<CellKey> of) =>
            reason == SuppressionReason.None ? new ResultBlock(reason, calculator.Of(of)) : ResultBlock.Hidden(reason);

        private Composite CompositeOf(IReadOnlyList<CellResult> cellResults)
        {
            var shown = cellResults
                .Where(c => !c.IsLowerTrust && c.Block.Rate is not null)
                .Select(c => (Group: groups.First(g => g.Id == c.RaterGroupId), Rate: c.Block.Rate!.Value))
                .Where(c => c.Group.Weight > 0)
                .ToList();
            var total = shown.Sum(c => c.Group.Weight);
            if (total == 0)
            {
                return new Composite(null, []);
            }
            var parts = shown.Select(c => new CompositePart(c.Group.Id, c.Group.Weight, (double)c.Group.Weight / total, c.Rate)).ToList();
            return new Composite(parts.Sum(p => p.NormalisedWeight * p.Rate.Value!.Value), parts);
        }
    }
}
