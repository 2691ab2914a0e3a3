using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Pages.Loop;

/// <summary>工作日历: the holidays and make-up workdays of each year, kept by the system administrator.</summary>
public class CalendarModel(AppDbContext db, CalendarCommands commands) : PageModel
{
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Lines { get; set; }

    public List<IGrouping<int, CalendarDay>> Years { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync();
        }
        if (CampaignText.ParseDate(Date, "日期", out var date) is { } bad)
        {
            return await FailAsync(bad);
        }
        if (string.IsNullOrWhiteSpace(Date))
        {
            return await FailAsync("请填写日期。");
        }
        if (!CampaignText.TryParseName<CalendarDayKind>(Kind, out var kind))
        {
            return await FailAsync("请选择“节假日”或“调休”。");
        }
        return await ResultAsync(await commands.AddAsync(date, kind, Note), $"已添加{CalendarRules.Format(date)}。");
    }

    public async Task<IActionResult> OnPostAddManyAsync()
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync();
        }
        var result = await commands.AddManyAsync(Lines);
        return await ResultAsync(result, $"已添加{result.Id}天。");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? day)
    {
        if (CampaignText.ParseDate(day, "日期", out var date) is not null || string.IsNullOrWhiteSpace(day))
        {
            return NotFound();
        }
        return await ResultAsync(await commands.DeleteAsync(date), $"已删除{CalendarRules.Format(date)}。");
    }

    private async Task<IActionResult> ResultAsync(CommandResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(error);
        }
        TempData["Message"] = message;
        return Redirect("/Loop/Calendar");
    }

    private async Task<IActionResult> InvalidAsync()
    {
        ModelState.Clear();
        return await FailAsync("填写的内容格式不正确，请检查后重试。");
    }

    private async Task<IActionResult> FailAsync(string error)
    {
        ModelState.AddModelError("", error);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync();
        Years = days.OrderBy(d => d.Date).GroupBy(d => d.Date.Year).OrderByDescending(g => g.Key).ToList();
    }
}
