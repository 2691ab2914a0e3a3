using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class WorkCalendarTests
{
    // The State Council's 2025 notice: 国庆节、中秋节 10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班。
    private static readonly WorkCalendar NationalDay2025 = new(
        Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)),
        [new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)]);

    [Fact]
    public void Fifteen_working_days_across_the_national_day_holiday_count_the_make_up_days_and_skip_the_holiday()
    {
        // From Friday 26 September: Sun 28 (make-up) 1, Mon 29 2, Tue 30 3, holiday 1–8 October, Thu 9 4, Fri 10 5,
        // Sat 11 (make-up) 6, 13–17 October 7–11, 20–23 October 12–15.
        Assert.Equal(new DateOnly(2025, 10, 23), NationalDay2025.AddWorkingDays(new DateOnly(2025, 9, 26), WorkCalendar.DefaultDeadlineDays));
        // Counting weekdays only would give Friday 17 October, six days too early.
        Assert.Equal(new DateOnly(2025, 10, 17), WorkCalendar.WeekdaysOnly.AddWorkingDays(new DateOnly(2025, 9, 26), 15));
    }

    [Fact]
    public void Holidays_and_make_up_days_decide_what_a_working_day_is()
    {
        Assert.True(NationalDay2025.IsWorkingDay(new DateOnly(2025, 9, 28)));
        Assert.False(NationalDay2025.IsWorkingDay(new DateOnly(2025, 10, 1)));
        Assert.False(NationalDay2025.IsWorkingDay(new DateOnly(2025, 10, 12)));
        Assert.True(NationalDay2025.IsWorkingDay(new DateOnly(2025, 10, 13)));
        // Set on the eve of the holiday with one day, a measure is due the first working day after it.
        Assert.Equal(new DateOnly(2025, 10, 9), NationalDay2025.AddWorkingDays(new DateOnly(2025, 9, 30), 1));
        Assert.Equal(15, NationalDay2025.WorkingDaysBetween(new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 23)));
        Assert.Equal(0, NationalDay2025.WorkingDaysBetween(new DateOnly(2025, 10, 23), new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void Deadlines_outside_the_allowed_range_and_contradictory_calendars_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NationalDay2025.AddWorkingDays(new DateOnly(2025, 1, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NationalDay2025.AddWorkingDays(new DateOnly(2025, 1, 1), WorkCalendar.MaxDeadlineDays + 1));
        Assert.Throws<ArgumentException>(() => new WorkCalendar([new DateOnly(2025, 10, 1)], [new DateOnly(2025, 10, 1)]));
    }
}
