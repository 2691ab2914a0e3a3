using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>The working-day calendar page (system administrator only) and deadlines computed on it.</summary>
public abstract class CalendarPageTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static Dictionary<string, string> Day(string date, string kind, string note) => new() { ["Date"] = date, ["Kind"] = kind, ["Note"] = note };

    private Task<List<CalendarDay>> DaysAsync(int year) =>
        app.WithDbAsync(db => db.CalendarDays.AsNoTracking().Where(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)).ToListAsync());

    [Fact]
    public async Task A_measures_deadline_skips_configured_holidays_and_counts_make_up_days()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var today = app.Today();
        var weekdays = Enumerable.Range(1, 14).Select(today.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var holidays = weekdays.Take(2).ToList();
        var saturday = Enumerable.Range(1, 7).Select(today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var lines = string.Join("\n", holidays.Select(h => $"{CampaignTestData.Iso(h)} 节假日 测试假日").Append($"{CampaignTestData.Iso(saturday)} 调休 测试调休"));
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Loop/Calendar?handler=AddMany", new Dictionary<string, string> { ["Lines"] = lines })).StatusCode);

        var expected = new WorkCalendar(holidays, [saturday]).AddWorkingDays(today, 5);
        Assert.NotEqual(WorkCalendar.WeekdaysOnly.AddWorkingDays(today, 5), expected);
        var problemId = await sys.NewProblemAsync("工作日期限", app.UnitAId);
        var response = await sys.PostMeasureAsync(problemId, app.BranchAId, days: "5");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var measure = await app.WithDbAsync(db => db.Measures.AsNoTracking().SingleAsync(m => m.ProblemId == problemId));
        Assert.Equal(expected, measure.Deadline);
        Assert.Equal(today, measure.SetOn);
        Assert.Equal(5, measure.DeadlineDays);
        Assert.Contains($"截止日期{CampaignTestData.Iso(expected)}", await sys.GetHtmlAsync($"/Problems/Detail/{problemId}"));

        // Changing the calendar afterwards leaves the deadline already set alone.
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Loop/Calendar?handler=Delete", new Dictionary<string, string> { ["day"] = CampaignTestData.Iso(holidays[0]) })).StatusCode);
        Assert.Equal(expected, await app.WithDbAsync(db => db.Measures.Where(m => m.Id == measure.Id).Select(m => m.Deadline).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == holidays[0])));
    }

    [Fact]
    public async Task Days_are_added_one_at_a_time_with_their_rules()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Loop/Calendar?handler=Add", Day("2091-10-06", "Holiday", "<b>国庆节</b>"))).StatusCode);
        foreach (var (fields, message) in new[]
        {
            (Day("2091-10-06", "MakeUpWorkday", "冲突"), "已设为节假日"),
            (Day("2091-10-02", "MakeUpWorkday", "周二上班"), "调休上班日应为周六或周日"),
            (Day("2091-10-03", "Holiday", new string('说', CalendarDay.NoteMaxLength + 1)), $"说明最多{CalendarDay.NoteMaxLength}个字"),
            (Day("2091/10/04", "Holiday", ""), "格式不正确"),
            (Day("", "Holiday", ""), "请填写日期"),
            (Day("2091-10-05", "Both", ""), "请选择“节假日”或“调休”"),
        })
        {
            var response = await sys.PostFormAsync("/Loop/Calendar?handler=Add", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.BodyAsync());
        }
        var days = await DaysAsync(2091);
        Assert.Equal(CalendarDayKind.Holiday, Assert.Single(days).Kind);
        var page = await sys.GetHtmlAsync("/Loop/Calendar");
        Assert.Contains("2091-10-06", page);
        Assert.Contains("&lt;b&gt;国庆节", page);
        Assert.Contains("已经设定的截止日期保持不变", page);
    }

    [Fact]
    public async Task Pasted_lines_are_taken_all_or_nothing_with_the_line_number_of_an_error()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var bad = await sys.PostFormAsync("/Loop/Calendar?handler=AddMany", new Dictionary<string, string>
        {
            ["Lines"] = "2092-10-01 节假日 国庆节\n2092-10-02 节假日 国庆节\n2092-10-0x 节假日 国庆节",
        });
        Assert.Contains("第3行", await bad.BodyAsync());
        Assert.Empty(await DaysAsync(2092));
        var twice = await sys.PostFormAsync("/Loop/Calendar?handler=AddMany", new Dictionary<string, string>
        {
            ["Lines"] = "2092-10-04 节假日 国庆节\n\n2092-10-04 调休 国庆节调休",
        });
        Assert.Contains("第3行：2092-10-04重复出现", await twice.BodyAsync());
        Assert.Empty(await DaysAsync(2092));

        var good = await sys.PostFormAsync("/Loop/Calendar?handler=AddMany", new Dictionary<string, string>
        {
            ["Lines"] = "2092-10-01 节假日 国庆节\r\n2092-10-02 节假日 国庆节\r\n2092-10-11 调休 国庆节调休\r\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var days = await DaysAsync(2092);
        Assert.Equal(3, days.Count);
        Assert.Equal(CalendarDayKind.MakeUpWorkday, days.Single(d => d.Date == new DateOnly(2092, 10, 11)).Kind);
        Assert.Equal("国庆节调休", days.Single(d => d.Date == new DateOnly(2092, 10, 11)).Note);

        var clash = await sys.PostFormAsync("/Loop/Calendar?handler=AddMany", new Dictionary<string, string>
        {
            ["Lines"] = "2092-10-12 节假日 周日\n2092-10-11 节假日 国庆节",
        });
        Assert.Contains("第2行：2092-10-11已设为调休", await clash.BodyAsync());
        Assert.Equal(3, (await DaysAsync(2092)).Count);
        Assert.Contains("请至少填写一行", await (await sys.PostFormAsync("/Loop/Calendar?handler=AddMany", new Dictionary<string, string> { ["Lines"] = "  " })).BodyAsync());
    }

    [Fact]
    public async Task Only_the_system_administrator_keeps_the_calendar()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/Loop/Calendar")).StatusCode);
        var post = await admin.Http.PostAsync("/Loop/Calendar?handler=Add", new FormUrlEncodedContent(Day("2093-01-01", "Holiday", "元旦")));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(await DaysAsync(2093));
    }
}

public sealed class SqliteCalendarPageTests(SqliteAppFixture app) : CalendarPageTests<SqliteAppFixture>(app);

public sealed class PostgresCalendarPageTests(PostgresAppFixture app) : CalendarPageTests<PostgresAppFixture>(app);
