using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Reports;
using Pingyi.Web.Features.Reports;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Reports;

/// <summary>
/// 工作总结: choose a subtree with a campaign or a year, read the whole report as it will be
/// written, edit each section's wording, and download it in every registered format.
/// </summary>
public class IndexModel(ReportTargets targets, ReportCommands commands, OrgScope scope, IEnumerable<IReportWriter> writers, TimeProvider clock)
    : ReportPageModel(targets, clock)
{
    public const int MaxChoices = 500;

    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public BuiltReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The section whose edit failed, shown again with the text as typed.</summary>
    public string? FailedSection { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public List<Organization> Organizations { get; private set; } = [];

    public List<Campaign> Campaigns { get; private set; } = [];

    public IReadOnlyList<IReportWriter> Writers { get; } = writers.ToList();

    public static readonly IReadOnlyList<string> Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static string Numbered(int index, string heading) =>
        (index < Numerals.Count ? Numerals[index] : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "、" + heading;

    /// <summary>The section's wording as the editor shows it: saved, or pre-written.</summary>
    public string EditText(NarrativeSection section) =>
        FailedSection == section.Key ? Text ?? "" : Report!.Saved.TryGetValue(section.Key, out var t) ? t : section.DefaultText;

    public bool IsEdited(NarrativeSection section) => Report!.Saved.ContainsKey(section.Key);

    public IReadOnlyDictionary<string, string> Values => SummaryPlaceholders.ValuesOf(Report!.Figures);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (target, error) = await ResolveAsync();
        return await ShowAsync(target, error, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var (target, error) = await ResolveAsync();
        if (target is null)
        {
            return await ShowAsync(target, error, ct);
        }
        var result = await commands.SaveAsync(target, Section, Text);
        if (result.Succeeded)
        {
            Message = "已保存。报告中的数字每次生成时按最新数据填入。";
            return Redirect($"/Reports?{Query}#s-{Section}");
        }
        FailedSection = Section;
        return await ShowAsync(target, result.Error, ct);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var (target, error) = await ResolveAsync();
        if (target is null)
        {
            return await ShowAsync(target, error, ct);
        }
        var result = await commands.ResetAsync(target, Section);
        if (!result.Succeeded)
        {
            return await ShowAsync(target, result.Error, ct);
        }
        Message = "已恢复默认文字。";
        return Redirect($"/Reports?{Query}#s-{Section}");
    }

    private async Task<IActionResult> ShowAsync(ReportTarget? target, string? error, CancellationToken ct)
    {
        if (target is null && error is null)
        {
            return NotFound();
        }
        Error = error;
        Organizations = await (await scope.OrganizationsAsync()).AsNoTracking().Where(o => o.IsActive)
            .OrderBy(o => o.Path).Take(MaxChoices).ToListAsync(ct);
        Campaigns = await (await scope.CampaignsReachingAsync()).AsNoTracking()
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(MaxChoices).ToListAsync(ct);
        if (target is not null)
        {
            Report = await commands.BuildAsync(target, ct);
        }
        return Page();
    }
}
