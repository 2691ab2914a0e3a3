using Pingyi.Domain.Ballots;

namespace Pingyi.Domain.Tests.Ballots;

public class ProgressTests
{
    [Theory]
    [InlineData(7, 10, "70.0")]
    [InlineData(5, 4, "125.0")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 3, "33.3")]
    [InlineData(1, 16, "6.3")] // 6.25: half away from zero
    [InlineData(0, 1200, "0")]
    [InlineData(1200, 1200, "100")]
    public void RatePercent_is_raters_over_planned_with_one_decimal(int raters, int planned, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Progress.RatePercent(raters, planned));
    }

    [Fact]
    public void RatePercent_is_null_without_a_plan()
    {
        Assert.Null(Progress.RatePercent(3, 0));
        Assert.Equal("—", Progress.FormatRate(null));
    }

    [Theory]
    [InlineData(7, 10, "70.0%")]
    [InlineData(5, 4, "125.0%")]
    [InlineData(0, 20, "0.0%")]
    [InlineData(1, 1, "100.0%")]
    public void FormatRate_always_shows_one_decimal(int raters, int planned, string expected)
    {
        Assert.Equal(expected, Progress.FormatRate(Progress.RatePercent(raters, planned)));
    }

    [Theory]
    [InlineData(5, 4, true, 4)]
    [InlineData(4, 4, false, 4)]
    [InlineData(7, 10, false, 7)]
    [InlineData(0, 10, false, 0)]
    public void Above_the_plan_the_note_applies_and_the_bar_stops_full(int raters, int planned, bool over, int bar)
    {
        Assert.Equal(over, Progress.IsOverPlan(raters, planned));
        Assert.Equal(bar, Progress.BarValue(raters, planned));
    }

    [Fact]
    public void Raters_of_a_group_are_the_ballots_of_one_assignment_not_their_sum()
    {
        // Three raters of a group with two assignments leave 3 + 3 ballots: 3 raters, not 6.
        Assert.Equal(3, Progress.Raters([3, 3]));
        Assert.Equal(7, Progress.Raters([7]));
        Assert.Equal(0, Progress.Raters([]));
        Assert.Equal(4, Progress.Raters([4, 2]));
    }

    [Fact]
    public void Ballots_per_subject_add_up_over_the_groups_assignments_that_cover_it()
    {
        // Group 1: assignment 10 (subjects 100, 101) has 7 ballots, assignment 11 (subject 101) has 7.
        // Group 2: assignment 20 (subject 100) has 5 ballots; assignment 21 (subject 102) has none yet.
        Progress.Coverage[] coverage =
        [
            new(10, 1, 100), new(10, 1, 101),
            new(11, 1, 101),
            new(20, 2, 100),
            new(21, 2, 102),
        ];
        var ballots = new Dictionary<int, int> { [10] = 7, [11] = 7, [20] = 5 };

        var counts = Progress.BallotsPerSubject(coverage, ballots);

        Assert.Equal(7, counts[(100, 1)]);
        Assert.Equal(14, counts[(101, 1)]);
        Assert.Equal(5, counts[(100, 2)]);
        Assert.Equal(0, counts[(102, 2)]);
        Assert.False(counts.ContainsKey((101, 2)), "group 2 does not rate subject 101");
        Assert.Equal(4, counts.Count);
    }
}
