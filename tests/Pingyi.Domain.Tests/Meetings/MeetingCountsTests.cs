using Pingyi.Domain.Meetings;

namespace Pingyi.Domain.Tests.Meetings;

public class MeetingCountsTests
{
    [Fact]
    public void Tally_of_a_finished_meeting_is_complete()
    {
        var t = new MeetingTally(Issued: 50, Returned: 48, Valid: 46, Void: 2, Awaiting: 0);
        Assert.Equal(0, t.Remaining);
        Assert.True(t.IsComplete);
        Assert.False(t.CanStartSlip);
    }

    [Fact]
    public void Tally_with_typing_left_counts_awaiting_slips_as_remaining()
    {
        var t = new MeetingTally(Issued: 12, Returned: 10, Valid: 2, Void: 1, Awaiting: 1);
        Assert.Equal(7, t.Remaining);
        Assert.False(t.IsComplete);
        Assert.True(t.CanStartSlip);
    }

    [Fact]
    public void Counts_add_meetings_paper_and_channels_by_the_documented_formulas()
    {
        // Hand-checked: two 评议会 and one 走访; attendance 60 + 20 + 5 = 85; online raters 7 + 5 = 12 (group 乙
        // has two assignments of 5 ballots each: 5 raters, not 10); standing 30 + 4 = 34 → 参评人次 85 + 12 + 34 = 131.
        var meetings = new[]
        {
            new MeetingFigures(MeetingKind.AppraisalMeeting, 60, new MeetingTally(50, 48, 46, 2, 0)),
            new MeetingFigures(MeetingKind.AppraisalMeeting, 20, new MeetingTally(12, 10, 2, 1, 1)),
            new MeetingFigures(MeetingKind.Visit, 5, new MeetingTally(0, 0, 0, 0, 0)),
        };
        var online = MeetingCounts.RatersOf([[7], [5, 5]]);
        var c = MeetingCounts.Of(meetings, online, 30 + 4);
        Assert.Equal(2, c.MeetingsByKind[MeetingKind.AppraisalMeeting]);
        Assert.Equal(0, c.MeetingsByKind[MeetingKind.Forum]);
        Assert.Equal(0, c.MeetingsByKind[MeetingKind.Interview]);
        Assert.Equal(1, c.MeetingsByKind[MeetingKind.Visit]);
        Assert.Equal((3, 62, 58, 48, 3), (c.Meetings, c.Issued, c.Returned, c.Valid, c.Void));
        Assert.Equal(12, c.OnlineRaters);
        Assert.Equal(48, c.PaperRaters);
        Assert.Equal(34, c.StandingRaters);
        Assert.Equal(131, c.Participants);
    }

    [Fact]
    public void Without_online_ballots_participants_leave_them_out()
    {
        var c = MeetingCounts.Of([new MeetingFigures(MeetingKind.Forum, 9, new MeetingTally(0, 0, 0, 0, 0))], null, 3);
        Assert.Null(c.OnlineRaters);
        Assert.Equal(12, c.Participants);
    }

    [Theory]
    [InlineData("/1/", "/1/", 1)]
    [InlineData("/1/", "/1/2/", 2)]
    [InlineData("/1/", "/1/2/5/9/", 2)]
    [InlineData("/1/2/", "/1/2/5/9/", 5)]
    [InlineData("/1/2/", "/1/3/", null)]
    public void Rows_roll_up_to_the_child_of_the_top(string top, string path, int? row) =>
        Assert.Equal(row, CountsTree.RowOf(top, path));
}
