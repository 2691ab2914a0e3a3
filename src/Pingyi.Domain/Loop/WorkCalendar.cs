namespace Pingyi.Domain.Loop;

/// <summary>
/// Working days as Chinese offices count them: Monday to Friday, except statutory holidays, plus the
/// weekend days declared make-up workdays (调休) when a holiday is bridged. The days are configured
/// per year by an administrator from the State Council's notice; nothing here guesses them.
/// The default rectification deadline (整改时限) is <see cref="DefaultDeadlineDays"/> working days.
/// </summary>
public sealed class WorkCalendar
{
    public const int DefaultDeadlineDays = 15;
    public const int MaxDeadlineDays = 250;

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;

    public WorkCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays)
    {
        _holidays = [.. holidays];
        _makeUpDays = [.. makeUpWorkdays];
        var both = _holidays.Intersect(_makeUpDays).ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"A day cannot be both a holiday and a make-up workday: {both[0]:yyyy-MM-dd}.");
        }
    }

    /// <summary>Weekdays only: for a year whose holidays are not configured yet.</summary>
    public static WorkCalendar WeekdaysOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpDays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after <paramref name="start"/>: the
    /// start day itself does not count (a measure set on Friday with 1 day is due on Monday), and
    /// the deadline is always a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxDeadlineDays);
        var day = start;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }
}
