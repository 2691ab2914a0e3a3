using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class SuppressionTests
{
    private static CellKey C(int subject, int group) => new(subject, group);

    private static SuppressionAggregate A(string key, params CellKey[] cells) => new(key, cells);

    [Fact]
    public void A_cell_below_k_is_hidden_and_one_at_k_is_shown()
    {
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 4, [C(1, 2)] = 5, [C(1, 3)] = 0 };
        var o = Suppression.Apply(ballots, [], 5);
        Assert.Equal(SuppressionReason.TooFewBallots, o.Cell(C(1, 1)));
        Assert.Equal(SuppressionReason.None, o.Cell(C(1, 2)));
        // An empty cell has nothing to protect: shown as 0份.
        Assert.Equal(SuppressionReason.None, o.Cell(C(1, 3)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void K_below_three_is_treated_as_three(int k)
    {
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 2, [C(1, 2)] = 3 };
        var o = Suppression.Apply(ballots, [], k);
        Assert.Equal(3, o.K);
        Assert.Equal(SuppressionReason.TooFewBallots, o.Cell(C(1, 1)));
        Assert.Equal(SuppressionReason.None, o.Cell(C(1, 2)));
    }

    [Fact]
    public void Subtraction_case_hides_a_second_cell_before_the_subject_total_is_shown()
    {
        // Two groups rate one subject; group 2 has 3 ballots, k = 5. Showing the total (23) and group 1 (20)
        // would give group 2 by subtraction, so group 1 is hidden too: hidden part 2 cells, 23 ≥ 5 ballots.
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 20, [C(1, 2)] = 3 };
        var o = Suppression.Apply(ballots, [A("subject:1", C(1, 1), C(1, 2))], 5);
        Assert.Equal(SuppressionReason.TooFewBallots, o.Cell(C(1, 2)));
        Assert.Equal(SuppressionReason.Complementary, o.Cell(C(1, 1)));
        Assert.Equal(SuppressionReason.None, o.Aggregate("subject:1"));
    }

    [Fact]
    public void The_smallest_shown_cell_is_the_one_hidden_second()
    {
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 30, [C(1, 2)] = 3, [C(1, 3)] = 8, [C(1, 4)] = 12 };
        var o = Suppression.Apply(ballots, [A("s", C(1, 1), C(1, 2), C(1, 3), C(1, 4))], 5);
        Assert.Equal(SuppressionReason.Complementary, o.Cell(C(1, 3)));
        Assert.Equal(SuppressionReason.None, o.Cell(C(1, 1)));
        Assert.Equal(SuppressionReason.None, o.Cell(C(1, 4)));
        Assert.Equal(2, o.HiddenCells.Count);
    }

    [Fact]
    public void Two_hidden_cells_with_fewer_than_k_ballots_together_need_a_third()
    {
        // Hidden 1 + 2 = 3 < 5: a pool of 3 raters is still too small, so the 6 is hidden as well.
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 1, [C(1, 2)] = 2, [C(1, 3)] = 6, [C(1, 4)] = 40 };
        var o = Suppression.Apply(ballots, [A("s", C(1, 1), C(1, 2), C(1, 3), C(1, 4))], 5);
        Assert.Equal(SuppressionReason.Complementary, o.Cell(C(1, 3)));
        Assert.Equal(SuppressionReason.None, o.Cell(C(1, 4)));
        Assert.Equal(SuppressionReason.None, o.Aggregate("s"));
    }

    [Fact]
    public void An_aggregate_of_one_small_cell_is_itself_hidden()
    {
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 3, [C(1, 2)] = 0 };
        var o = Suppression.Apply(ballots, [A("subject:1", C(1, 1), C(1, 2))], 5);
        Assert.Equal(SuppressionReason.TooFewBallots, o.Aggregate("subject:1"));
    }

    [Fact]
    public void Hiding_for_one_aggregate_propagates_to_the_others_until_a_fixed_point()
    {
        // Rows are subjects 1 and 2, columns groups 1 and 2. (1,2) = 3 is primary. Row 1 then hides (1,1);
        // column 1 now has one hidden cell and hides (2,1); column 2 hides (2,2). Every shown total's hidden
        // part is then ≥ 2 cells and ≥ 5 ballots.
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 20, [C(1, 2)] = 3, [C(2, 1)] = 30, [C(2, 2)] = 10 };
        var aggregates = new[]
        {
            A("row1", C(1, 1), C(1, 2)), A("row2", C(2, 1), C(2, 2)),
            A("col1", C(1, 1), C(2, 1)), A("col2", C(1, 2), C(2, 2)),
            A("all", C(1, 1), C(1, 2), C(2, 1), C(2, 2)),
        };
        var o = Suppression.Apply(ballots, aggregates, 5);
        Assert.Equal(4, o.HiddenCells.Count);
        Assert.Empty(o.HiddenAggregates);
        AssertNoAggregateRevealsACell(ballots, aggregates, o);
    }

    [Fact]
    public void An_aggregate_of_enough_ballots_with_no_cell_left_to_hide_is_hidden_to_prevent_inference()
    {
        // Cells 3 (primary) and 9. "s" hides the 9 too; "t" is the 9 alone, so it has nothing left to hide.
        var ballots = new Dictionary<CellKey, long> { [C(1, 1)] = 3, [C(1, 2)] = 9 };
        var o = Suppression.Apply(ballots, [A("s", C(1, 1), C(1, 2)), A("t", C(1, 2))], 5);
        Assert.Equal(SuppressionReason.None, o.Aggregate("s"));
        Assert.Equal(SuppressionReason.Complementary, o.Aggregate("t"));
    }

    [Fact]
    public void Cells_hidden_before_stay_hidden()
    {
        var ballots = new Dictionary<CellKey, long> { [C(2, 1)] = 10, [C(3, 1)] = 20 };
        var before = new Dictionary<CellKey, SuppressionReason> { [C(2, 1)] = SuppressionReason.Complementary };
        var o = Suppression.Apply(ballots, [A("col1", C(2, 1), C(3, 1))], 5, before);
        Assert.Equal(SuppressionReason.Complementary, o.Cell(C(2, 1)));
        Assert.Equal(SuppressionReason.Complementary, o.Cell(C(3, 1)));
    }

    [Fact]
    public void Random_grids_never_leave_a_shown_total_that_reveals_a_hidden_cell()
    {
        var random = new Random(20260519);
        for (var round = 0; round < 300; round++)
        {
            var ballots = new Dictionary<CellKey, long>();
            var subjects = random.Next(1, 6);
            var groups = random.Next(1, 5);
            for (var s = 1; s <= subjects; s++)
            {
                for (var g = 1; g <= groups; g++)
                {
                    if (random.Next(4) > 0)
                    {
                        ballots[C(s, g)] = random.Next(0, 12);
                    }
                }
            }
            var aggregates = new List<SuppressionAggregate> { new("all", [.. ballots.Keys]) };
            aggregates.AddRange(ballots.Keys.GroupBy(c => c.SubjectId).Select(r => new SuppressionAggregate($"row{r.Key}", [.. r])));
            aggregates.AddRange(ballots.Keys.GroupBy(c => c.RaterGroupId).Select(r => new SuppressionAggregate($"col{r.Key}", [.. r])));
            var k = random.Next(0, 7);
            var o = Suppression.Apply(ballots, aggregates, k);
            foreach (var (cell, n) in ballots)
            {
                Assert.True(n == 0 || n >= o.K || o.Cell(cell) == SuppressionReason.TooFewBallots);
            }
            AssertNoAggregateRevealsACell(ballots, aggregates, o);
        }
    }

    private static void AssertNoAggregateRevealsACell(IReadOnlyDictionary<CellKey, long> ballots, IEnumerable<SuppressionAggregate> aggregates, SuppressionOutcome o)
    {
        foreach (var a in aggregates.Where(a => o.Aggregate(a.Key) == SuppressionReason.None))
        {
            var hidden = a.Cells.Where(c => ballots[c] > 0 && o.Cell(c) != SuppressionReason.None).ToList();
            Assert.True(hidden.Count == 0 || (hidden.Count >= 2 && hidden.Sum(c => ballots[c]) >= o.K), $"aggregate {a.Key} reveals a hidden part");
        }
    }
}
