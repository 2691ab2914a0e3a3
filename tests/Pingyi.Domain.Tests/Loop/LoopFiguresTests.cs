using Pingyi.Domain.Loop;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Loop;

public class LoopFiguresTests
{
    private static readonly DateOnly Today = new(2026, 10, 20);

    // 2026-10-01..07 are holidays, Sunday 2026-10-11 a make-up workday.
    private static readonly WorkCalendar Calendar = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)), [new DateOnly(2026, 10, 11)]);

    [Fact]
    public void Nothing_to_count_gives_no_figure_rather_than_zero()
    {
        var f = LoopFigures.Compute([], 0, [], Today, Calendar);
        Assert.Equal(0, f.Opinions);
        Assert.Equal(0, f.Measures);
        Assert.Equal(0, f.Overdue);
        Assert.Null(f.ClosedOnTime);
        Assert.Null(f.MedianDaysToClose);
        Assert.Null(f.MedianWorkingDaysToClose);
        Assert.Null(f.Replied);
        Assert.Null(f.Satisfaction);
    }

    [Fact]
    public void Hand_computed_figures()
    {
        var a = Guid.NewGuid();
        var opinions = new[]
        {
            new OpinionFact(a, OpinionSource.Ballot, null, true, ReRating.Satisfied),
            // Merged into a replied one: answered through it, and still counted.
            new OpinionFact(Guid.NewGuid(), OpinionSource.Ballot, a, false, ReRating.Unsatisfied),
            new OpinionFact(Guid.NewGuid(), OpinionSource.Hotline, null, true, ReRating.BasicallySatisfied),
            new OpinionFact(Guid.NewGuid(), OpinionSource.Letter, null, false, null),
        };
        var measures = new[]
        {
            // Set Tue 09-29, verified Fri 10-09: 10 calendar days; working days 09-30, 10-08, 10-09 = 3. On time.
            new MeasureFact(MeasureState.Verified, new(2026, 9, 29), new(2026, 10, 9), new(2026, 10, 9)),
            // Set Fri 10-09, verified Wed 10-14 after its deadline Tue 10-13: 5 days; 10-11 (make-up), 12, 13, 14 = 4. Late.
            new MeasureFact(MeasureState.Verified, new(2026, 10, 9), new(2026, 10, 13), new(2026, 10, 14)),
            // Overdue.
            new MeasureFact(MeasureState.InProgress, new(2026, 10, 8), new(2026, 10, 19), null),
            // Due today: still in time, not judged.
            new MeasureFact(MeasureState.Pending, new(2026, 10, 12), Today, null),
            new MeasureFact(MeasureState.AwaitingVerification, new(2026, 10, 12), new(2026, 10, 30), null),
        };

        var f = LoopFigures.Compute(opinions, 3, measures, Today, Calendar);

        Assert.Equal(4, f.Opinions);
        Assert.Equal(2, f.OpinionsBySource[OpinionSource.Ballot]);
        Assert.Equal(1, f.OpinionsBySource[OpinionSource.Hotline]);
        Assert.False(f.OpinionsBySource.ContainsKey(OpinionSource.Visit));
        Assert.Equal(3, f.Problems);
        Assert.Equal(5, f.Measures);
        Assert.Equal(2, f.MeasuresByState[MeasureState.Verified]);
        Assert.Equal(1, f.MeasuresByState[MeasureState.Pending]);
        Assert.Equal(1, f.Overdue);
        Assert.Equal(new Rate(1, 3), f.ClosedOnTime);
        Assert.Equal(7.5, f.MedianDaysToClose);
        Assert.Equal(3.5, f.MedianWorkingDaysToClose);
        Assert.Equal(new Rate(3, 4), f.Replied);
        Assert.Equal(new Rate(2, 3), f.Satisfaction);
        Assert.Equal("66.7%", f.Satisfaction!.Value.ToString());
        Assert.Equal(Wilson.Interval(2, 3), f.Satisfaction.Value.Interval);
    }

    [Theory]
    [InlineData(new[] { 5 }, 5.0)]
    [InlineData(new[] { 9, 1, 4 }, 4.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    public void Median_takes_the_middle_or_the_mean_of_the_two_middle_ones(int[] values, double expected) =>
        Assert.Equal(expected, LoopFigures.Median(values));
}
