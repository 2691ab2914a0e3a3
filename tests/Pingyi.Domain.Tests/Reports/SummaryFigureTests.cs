using Pingyi.Domain.Meetings;
using Pingyi.Domain.Reports;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Reports;

public class SummaryFigureTests
{
    [Theory]
    [InlineData(49, 50, "98%")]
    [InlineData(93, 100, "93%")]
    [InlineData(191, 200, "95.5%")]
    [InlineData(1, 3, "33.3%")]
    [InlineData(2, 3, "66.7%")]
    [InlineData(3, 3, "100%")]
    [InlineData(0, 7, "0%")]
    public void A_percent_drops_a_trailing_point_zero(long x, long n, string expected) =>
        Assert.Equal(expected, ReportFormat.Percent(new Rate(x, n)));

    [Fact]
    public void An_average_percent_is_rounded_as_the_results_pages_round_it()
    {
        Assert.Equal("95.5%", ReportFormat.Percent((0.98 + 0.93) / 2));
        Assert.Equal("—", ReportFormat.Percent((double?)null));
        Assert.Equal("—", ReportFormat.Percent((Rate?)null));
    }

    [Fact]
    public void Satisfaction_takes_highest_lowest_and_average_over_every_shown_rate_and_pools_the_sums()
    {
        var s = Satisfaction.Of(5,
            [new SubjectRate(1, "甲", new Rate(49, 50)), new SubjectRate(2, "乙", new Rate(93, 100)), new SubjectRate(3, "丙", new Rate(19, 20))],
            [new Rate(142, 150), new Rate(19, 20), Rate.Empty]);

        Assert.Equal((5, 3), (s.Subjects, s.SubjectsShown));
        Assert.Equal("甲", s.Highest!.Name);
        Assert.Equal("乙", s.Lowest!.Name);
        Assert.Equal((0.98 + 0.93 + 0.95) / 3, s.Average!.Value, 10);
        Assert.Equal(new Rate(161, 170), s.Pooled);
    }

    [Fact]
    public void Equal_rates_put_the_one_resting_on_more_answers_first()
    {
        var s = Satisfaction.Of(2, [new SubjectRate(1, "少", new Rate(9, 10)), new SubjectRate(2, "多", new Rate(90, 100))], []);

        Assert.Equal("多", s.Highest!.Name);
        Assert.Equal("少", s.Lowest!.Name);
        Assert.Null(s.Pooled);
    }

    [Fact]
    public void Nothing_shown_leaves_every_satisfaction_figure_empty()
    {
        var s = Satisfaction.Of(4, [], [Rate.Empty]);

        Assert.Equal((4, 0), (s.Subjects, s.SubjectsShown));
        Assert.Null(s.Highest);
        Assert.Null(s.Average);
        Assert.Null(s.Pooled);
    }

    [Fact]
    public void Meeting_counts_add_up_over_the_campaigns_of_a_year()
    {
        var a = new MeetingCounts(new Dictionary<MeetingKind, int> { [MeetingKind.AppraisalMeeting] = 1, [MeetingKind.Forum] = 2 }, 3, 40, 30, 28, 27, 1, 5, 2);
        var b = new MeetingCounts(new Dictionary<MeetingKind, int> { [MeetingKind.AppraisalMeeting] = 2 }, 2, 10, 20, 20, 19, 1, null, 0);

        var t = MeetingFigureTotals.Of([a, b]);

        Assert.Equal(3, t.Count(MeetingKind.AppraisalMeeting));
        Assert.Equal(2, t.Count(MeetingKind.Forum));
        Assert.Equal(0, t.Count(MeetingKind.Visit));
        Assert.Equal((5, 50, 48, 46), (t.Meetings, t.Issued, t.Returned, t.Valid));
        Assert.Equal(a.Participants + b.Participants, t.Participants);
        Assert.Equal(57, t.Participants);
    }

    [Fact]
    public void A_spread_lists_the_parts_with_something_in_them()
    {
        Assert.Equal("工作作风3条、其他1条", SummaryPlaceholders.Spread([("工作作风", 3), ("服务态度", 0), ("其他", 1)]));
        Assert.Equal("无", SummaryPlaceholders.Spread([("工作作风", 0)]));
    }
}
