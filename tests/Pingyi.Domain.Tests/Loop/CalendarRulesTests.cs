using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class CalendarRulesTests
{
    private static readonly Dictionary<DateOnly, CalendarDayKind> None = [];

    [Fact]
    public void Lines_from_the_notice_become_days()
    {
        var (days, error) = CalendarRules.Parse("2026-10-01 节假日 国庆节\n\n2026-10-11\t调休\t国庆节调休\r\n2026-10-02，放假", None);
        Assert.Null(error);
        Assert.Equal(3, days.Count);
        Assert.Equal((new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"), (days[0].Date, days[0].Kind, days[0].Note));
        Assert.Equal((new DateOnly(2026, 10, 11), CalendarDayKind.MakeUpWorkday, "国庆节调休"), (days[1].Date, days[1].Kind, days[1].Note));
        Assert.Equal("", days[2].Note);
    }

    [Theory]
    [InlineData("2026-10-01 节假日\n2026-13-01 节假日", "第2行：日期“2026-13-01”")]
    [InlineData("2026-10-01", "第1行：应为")]
    [InlineData("2026-10-01 休息", "第1行：类型“休息”")]
    [InlineData("2026-10-12 调休", "第1行：2026-10-12是工作日")]
    [InlineData("2026-10-01 节假日\n2026-10-01 节假日", "第2行：2026-10-01重复出现")]
    [InlineData("1999-10-01 节假日", "第1行：日期应在2000年")]
    [InlineData("", "请至少填写一行")]
    public void Any_bad_line_refuses_everything_naming_the_line(string text, string message)
    {
        var (days, error) = CalendarRules.Parse(text, None);
        Assert.Empty(days);
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void A_day_already_configured_cannot_be_entered_again_as_either_kind()
    {
        var existing = new Dictionary<DateOnly, CalendarDayKind> { [new DateOnly(2026, 10, 11)] = CalendarDayKind.MakeUpWorkday };
        Assert.Equal("第1行：2026-10-11已设为调休，请先删除。", CalendarRules.Parse("2026-10-11 节假日", existing).Error);
        Assert.Contains("说明最多", CalendarRules.Check(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, new string('x', CalendarDay.NoteMaxLength + 1)));
        Assert.Null(CalendarRules.Check(new DateOnly(2026, 10, 3), CalendarDayKind.Holiday, "周六也列入假期"));
    }
}
