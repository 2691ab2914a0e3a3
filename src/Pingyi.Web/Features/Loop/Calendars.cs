using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Loop;

/// <summary>The working-day calendar as configured (holidays and make-up workdays of every year entered).</summary>
public static class Calendars
{
    public static async Task<WorkCalendar> LoadAsync(AppDbContext db)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync();
        return new WorkCalendar(
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date));
    }
}
