namespace Pingyi.Domain.Results;

/// <summary>A (subject, rater group) cell of the suppression grid.</summary>
public readonly record struct CellKey(int SubjectId, int RaterGroupId);

/// <summary>A shown total over some cells; <see cref="Key"/> names it for the caller (e.g. "subject:12").</summary>
public sealed record SuppressionAggregate(string Key, IReadOnlyList<CellKey> Cells);

/// <summary>Which cells and aggregates are hidden, and why; everything not listed is shown.</summary>
public sealed record SuppressionOutcome(
    int K,
    IReadOnlyDictionary<CellKey, SuppressionReason> HiddenCells,
    IReadOnlyDictionary<string, SuppressionReason> HiddenAggregates)
{
    public SuppressionReason Cell(CellKey cell) =>
        HiddenCells.TryGetValue(cell, out var r) ? r : SuppressionReason.None;

    public SuppressionReason Aggregate(string key) =>
        HiddenAggregates.TryGetValue(key, out var r) ? r : SuppressionReason.None;
}

/// <summary>
/// Small-group suppression over a grid of (subject, rater group) cells, as a pure function.
/// <para><b>Guarantees</b>, for k = max(<paramref name="k"/>, 3) and the cells and aggregates given:</para>
/// <list type="number">
/// <item>Primary: a cell with 0 &lt; ballots &lt; k is hidden (<see cref="SuppressionReason.TooFewBallots"/>).</item>
/// <item>Complementary: for every aggregate left shown, its hidden part (its non-empty cells that
/// are hidden) is either empty or holds at least two cells and at least k ballots together. So
/// "shown total − shown cells" only ever yields a pool of ≥ 2 cells and ≥ k ballots, never one
/// hidden cell and never a group smaller than k. To get there the smallest shown non-empty cell of
/// a failing aggregate is hidden (<see cref="SuppressionReason.Complementary"/>; ties by subject,
/// then group id), repeated to a fixed point; an aggregate that still fails at the fixed point (all its
/// non-empty cells hidden, yet one cell or fewer than k ballots) is itself hidden
/// (<see cref="SuppressionReason.TooFewBallots"/> when it holds fewer than k ballots, else
/// <see cref="SuppressionReason.Complementary"/>), and only such an aggregate.</item>
/// <item>Monotone and deterministic: cells in <paramref name="alreadyHidden"/> stay hidden (a
/// subtree view starts from the whole campaign's outcome, so no cell hidden there is shown in a
/// subtree view); the same input gives the same outcome.</item>
/// </list>
/// <para><b>Does not guarantee</b>:</para>
/// <list type="bullet">
/// <item>Differences between views over different cell sets beyond this: a view over part of the
/// campaign (<paramref name="cellsFixed"/>, with the campaign's hidden cells as
/// <paramref name="alreadyHidden"/>) shows and hides exactly the cells the campaign view does and
/// hides those of its own totals whose hidden part fails the rule above, or whose difference from
/// the campaign's total of the same name (<paramref name="complements"/>) does; so neither a
/// part-view total nor its difference from the campaign's, minus known cells, isolates one hidden
/// cell. Two part-views' totals are not checked against each other.</item>
/// <item>Inference from several aggregates together (a rectangle of hidden cells under row and
/// column totals is not determined, but its counts may be bounded).</item>
/// <item>Attribute disclosure: a shown total of 100% says every rater in it, hidden cells included,
/// was satisfied; and a reader who is one of a hidden pool knows their own answers.</item>
/// <item>Empty cells (0 ballots) are shown as empty; they neither need nor give protection.</item>
/// </list>
/// </summary>
public static class Suppression
{
    /// <summary>The k in force: the campaign's, never below 3.</summary>
    public static int EffectiveK(int k) => Math.Max(k, Pingyi.Domain.Campaigns.Campaign.MinGroupSizeFloor);

    public static SuppressionOutcome Apply(
        IReadOnlyDictionary<CellKey, long> ballots,
        IReadOnlyList<SuppressionAggregate> aggregates,
        int k,
        IReadOnlyDictionary<CellKey, SuppressionReason>? alreadyHidden = null,
        bool cellsFixed = false,
        IReadOnlyList<SuppressionAggregate>? complements = null)
    {
        k = EffectiveK(k);
        var hidden = new Dictionary<CellKey, SuppressionReason>();
        foreach (var (cell, n) in ballots)
        {
            if (n > 0 && n < k)
            {
                hidden[cell] = SuppressionReason.TooFewBallots;
            }
        }
        if (alreadyHidden is not null)
        {
            foreach (var (cell, reason) in alreadyHidden)
            {
                hidden.TryAdd(cell, reason);
            }
        }
        long Ballots(CellKey c) => ballots.TryGetValue(c, out var n) ? n : 0;
        var sets = aggregates
            .Select(a => (a.Key, Cells: a.Cells.Distinct().Where(c => Ballots(c) > 0).ToArray()))
            .ToList();
        bool Fails(CellKey[] cells)
        {
            var (count, sum) = (0, 0L);
            foreach (var c in cells.Where(hidden.ContainsKey))
            {
                (count, sum) = (count + 1, sum + Ballots(c));
            }
            return count > 0 && (count < 2 || sum < k);
        }

        // A view over part of the campaign (a subtree) takes its cells exactly as the whole campaign shows
        // them: hiding a cell the campaign view shows protects nothing, since the reader of both views
        // knows it, so there only aggregates can be hidden.
        var changed = !cellsFixed;
        while (changed)
        {
            changed = false;
            foreach (var (_, cells) in sets.Where(a => Fails(a.Cells)))
            {
                var smallest = cells
                    .Where(c => !hidden.ContainsKey(c))
                    .OrderBy(Ballots).ThenBy(c => c.SubjectId).ThenBy(c => c.RaterGroupId)
                    .Cast<CellKey?>()
                    .FirstOrDefault();
                if (smallest is { } c)
                {
                    hidden[c] = SuppressionReason.Complementary;
                    changed = true;
                }
            }
        }
        // At the fixed point an aggregate still failing has no shown cell left to hide: hide it.
        // A total of fewer than k ballots is a small group in its own right.
        var hiddenAggregates = new Dictionary<string, SuppressionReason>();
        foreach (var (key, cells) in sets.Where(a => Fails(a.Cells)))
        {
            hiddenAggregates[key] = cells.Sum(Ballots) < k ? SuppressionReason.TooFewBallots : SuppressionReason.Complementary;
        }
        // A part-view total and the campaign's total of the same name, both shown, give their difference:
        // when that difference's hidden part fails the rule, the part-view total is hidden.
        foreach (var complement in complements ?? [])
        {
            if (Fails([.. complement.Cells.Distinct().Where(c => Ballots(c) > 0)]))
            {
                hiddenAggregates.TryAdd(complement.Key, SuppressionReason.Complementary);
            }
        }
        return new SuppressionOutcome(k, hidden, hiddenAggregates);
    }
}
