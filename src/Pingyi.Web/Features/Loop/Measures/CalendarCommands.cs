using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Measures;

/// <summary>
/// The working-day calendar, kept by the system administrator. Deadlines already set keep their
/// date: a measure's deadline is computed once, on the calendar of the day it was set.
/// </summary>
public sealed class CalendarCommands(AppDbContext db, AuditLog audit)
{
    public async Task<CommandResult> AddAsync(DateOnly date, CalendarDayKind kind, string? note)
    {
        if (CalendarRules.Check(date, kind, note) is { } error)
        {
            return CommandResult.Fail(error);
        }
        if (await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(d => d.Date == date) is { } existing)
        {
            return CommandResult.Fail($"{CalendarRules.Format(date)}已设为{CalendarRules.Labels[existing.Kind]}，请先删除。");
        }
        return await StoreAsync([new CalendarDay { Date = date, Kind = kind, Note = note?.Trim() ?? "" }]);
    }

    /// <summary>All lines or none; the error names the first bad line.</summary>
    public async Task<CommandResult> AddManyAsync(string? lines)
    {
        var existing = await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind);
        var (days, error) = CalendarRules.Parse(lines, existing);
        return error is not null ? CommandResult.Fail(error) : await StoreAsync(days);
    }

    public async Task<CommandResult> DeleteAsync(DateOnly date)
    {
        if (await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date) is not { } day)
        {
            return CommandResult.Missing;
        }
        db.CalendarDays.Remove(day);
        audit.Add(AuditActions.CalendarChange, AuditOutcome.Success, "CalendarDay", CalendarRules.Format(date),
            $"删除{CalendarRules.Labels[day.Kind]} {CalendarRules.Format(date)} {day.Note}");
        return await SaveAsync(1);
    }

    private async Task<CommandResult> StoreAsync(List<CalendarDay> days)
    {
        db.CalendarDays.AddRange(days);
        var listed = string.Join("、", days.Take(20).Select(d => $"{CalendarRules.Format(d.Date)}{CalendarRules.Labels[d.Kind]}"));
        audit.Add(AuditActions.CalendarChange, AuditOutcome.Success, "CalendarDay", CalendarRules.Format(days[0].Date),
            $"添加{days.Count}天：{listed}{(days.Count > 20 ? "等" : "")}");
        return await SaveAsync(days.Count);
    }

    private async Task<CommandResult> SaveAsync(int count)
    {
        try
        {
            await db.SaveChangesAsync();
            return CommandResult.Ok(count);
        }
        catch (DbUpdateException)
        {
            // Another administrator entered the same day meanwhile (the date is the key).
            db.ChangeTracker.Clear();
            return CommandResult.Fail(ProblemCommands.Conflict);
        }
    }
}
