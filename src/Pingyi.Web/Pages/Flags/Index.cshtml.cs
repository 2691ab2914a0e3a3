using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.Flags;

/// <summary>软弱涣散 / 先进典型 of one campaign: proposals with evidence and year-on-year comparison, decisions, flags by hand.</summary>
public class IndexModel(FlagCommands commands) : PageModel
{
    public FlagSheet Sheet { get; private set; } = null!;

    [BindProperty]
    public int OrganizationId { get; set; }

    /// <summary>Bound as text: a forged value gets the command's message rather than a binding error.</summary>
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Verdict { get; set; }

    [BindProperty]
    public bool Manual { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int campaignId) => await ShowAsync(campaignId);

    public async Task<IActionResult> OnPostAsync(int campaignId)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync(campaignId, "填写的内容格式不正确，请检查后重试。");
        }
        CampaignText.TryParseName<OrganizationFlagKind>(Kind, out var kind);
        CampaignText.TryParseName<OrganizationFlagState>(Verdict, out var state);
        var result = await commands.DecideAsync(campaignId, new FlagInput(OrganizationId, kind, state, Manual, Reason));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(campaignId, error);
        }
        TempData["Message"] = "认定结果已保存。";
        return Redirect(Request.Path);
    }

    private async Task<IActionResult> ShowAsync(int campaignId)
    {
        if (await commands.FindAsync(campaignId) is not { } sheet)
        {
            return NotFound();
        }
        Sheet = sheet;
        return Page();
    }

    private async Task<IActionResult> FailAsync(int campaignId, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(campaignId);
    }
}
