using Pingyi.Domain.Meetings;

namespace Pingyi.Domain.Tests.Meetings;

public class MeetingRulesTests
{
    private static readonly DateOnly Starts = new(2025, 3, 1);
    private static readonly DateOnly Ends = new(2025, 3, 31);

    private static MeetingDetails Valid() =>
        new(MeetingKind.AppraisalMeeting, "党员评议会", new DateOnly(2025, 3, 10), "三楼会议室", 7, 50, 50, 48, false, "纪要");

    [Fact]
    public void A_complete_meeting_passes() => Assert.Empty(MeetingRules.Check(Valid(), Starts, Ends));

    [Fact]
    public void Returned_above_issued_is_refused() =>
        Assert.Contains("回收份数（51）不能多于发放份数（50）。", MeetingRules.Check(Valid() with { FormsReturned = 51 }, Starts, Ends));

    [Fact]
    public void Issued_forms_need_a_rater_group()
    {
        Assert.Contains(MeetingRules.Check(Valid() with { RaterGroupId = null }, Starts, Ends), e => e.Contains("评议人类别"));
        Assert.Empty(MeetingRules.Check(Valid() with { RaterGroupId = null, FormsIssued = 0, FormsReturned = 0 }, Starts, Ends));
    }

    [Theory]
    [InlineData(null, "名称不能为空。")]
    [InlineData("   ", "名称不能为空。")]
    public void Blank_title_is_refused(string? title, string message) =>
        Assert.Contains(message, MeetingRules.Check(Valid() with { Title = title }, Starts, Ends));

    [Fact]
    public void Over_long_texts_are_refused()
    {
        var errors = MeetingRules.Check(Valid() with
        {
            Title = new string('会', Meeting.TitleMaxLength + 1),
            Place = new string('地', Meeting.PlaceMaxLength + 1),
            Minutes = new string('记', Meeting.MinutesMaxLength + 1),
        }, Starts, Ends);
        Assert.Contains($"名称不能超过{Meeting.TitleMaxLength}个字符。", errors);
        Assert.Contains($"地点不能超过{Meeting.PlaceMaxLength}个字符。", errors);
        Assert.Contains($"纪要不能超过{Meeting.MinutesMaxLength}个字符。", errors);
    }

    [Fact]
    public void Minutes_keep_line_breaks_but_not_other_control_characters()
    {
        Assert.Empty(MeetingRules.Check(Valid() with { Minutes = "第一条\r\n第二条\t完" }, Starts, Ends));
        Assert.Contains("纪要含有不可见的控制字符。", MeetingRules.Check(Valid() with { Minutes = "a\u0007b" }, Starts, Ends));
    }

    [Theory]
    [InlineData(-1, 0, 0, "参加人次")]
    [InlineData(0, -1, 0, "发放份数")]
    [InlineData(0, 10_001, 0, "发放份数")]
    [InlineData(0, 5, -1, "回收份数不能小于0")]
    public void Numbers_out_of_range_are_refused(int attendance, int issued, int returned, string fragment) =>
        Assert.Contains(MeetingRules.Check(Valid() with { Attendance = attendance, FormsIssued = issued, FormsReturned = returned }, Starts, Ends),
            e => e.Contains(fragment));

    [Theory]
    [InlineData("2024-12-31", null)]
    [InlineData("2024-12-30", "召开日期不能早于评议期开始前60天（2024-12-31）。")]
    [InlineData("2025-03-31", null)]
    [InlineData("2025-04-01", "召开日期不能晚于评议期结束日期（2025-03-31）。")]
    [InlineData("0001-01-01", "请填写召开日期。")]
    public void Date_lies_from_sixty_days_before_the_period_to_its_end(string date, string? expected) =>
        Assert.Equal(expected, MeetingRules.CheckDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Starts, Ends));

    [Fact]
    public void Changes_cannot_fall_below_the_paper_already_there()
    {
        var before = new Meeting { FormsIssued = 50, FormsReturned = 48, RaterGroupId = 7, DoubleEntry = false };
        var paper = new MeetingPaper(HighestSerial: 40, Settled: 30, HasTyping: true, HasSlips: true);
        var errors = MeetingRules.CheckAgainstPaper(before, Valid() with { FormsIssued = 39, FormsReturned = 29, DoubleEntry = true, RaterGroupId = 8 }, paper);
        Assert.Equal(
        [
            "已打印或录入到第40号测评表，发放份数不能少于40。",
            "已录入30份测评票，回收份数不能少于30。",
            "已开始录入纸质测评票，不能再更改是否双人录入。",
            "已打印或录入测评表，不能再更换评议人类别。",
        ], errors);
        Assert.Empty(MeetingRules.CheckAgainstPaper(before, Valid() with { FormsIssued = 40, FormsReturned = 30 }, paper));
        Assert.Empty(MeetingRules.CheckAgainstPaper(before, Valid() with { DoubleEntry = true, RaterGroupId = 8 }, MeetingPaper.None));
    }

    [Fact]
    public void Only_untyped_meetings_can_be_deleted()
    {
        Assert.Null(MeetingRules.CheckDelete(new MeetingPaper(50, 0, false, true)));
        Assert.Equal("已录入纸质测评票的评议会不能删除。", MeetingRules.CheckDelete(new MeetingPaper(50, 1, true, true)));
    }
}
