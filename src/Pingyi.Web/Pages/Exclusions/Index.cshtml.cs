using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.Exclusions;

/// <summary>可疑测评票 of one campaign: counts by kind, the flagged ballots still counted, excluding them, withdrawing an exclusion.</summary>
public class IndexModel(ExclusionCommands commands) : PageModel
{
    public const string Selected = "selected";

    public ExclusionSheet Sheet { get; private set; } = null!;

    /// <summary>Bound as text: a malformed id refuses the request with a message instead of a binding error.</summary>
    [BindProperty]
    public List<string> BallotIds { get; set; } = [];

    /// <summary><see cref="Selected"/>, or a flag name (StraightLine, Burst) for every flagged ballot of that kind.</summary>
    [BindProperty]
    public string? Which { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int campaignId) => await ShowAsync(campaignId);

    public async Task<IActionResult> OnPostExcludeAsync(int campaignId)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(campaignId);
        }
        BallotFlags? kind = null;
        var ids = new List<Guid>();
        if (Which != Selected)
        {
            if (!CampaignText.TryParseName<BallotFlags>(Which, out var k) || k == BallotFlags.None)
            {
                return await InvalidAsync(campaignId);
            }
            kind = k;
        }
        else
        {
            foreach (var text in BallotIds)
            {
                if (!Guid.TryParse(text, out var id))
                {
                    return await InvalidAsync(campaignId);
                }
                ids.Add(id);
            }
        }
        return await DoneAsync(campaignId, await commands.ExcludeAsync(campaignId, new ExclusionInput(ids, kind, Reason)), "已排除所选测评票，结果已随之更新。");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int campaignId, int exclusionId) =>
        !ModelState.IsValid ? await InvalidAsync(campaignId)
            : await DoneAsync(campaignId, await commands.WithdrawAsync(campaignId, exclusionId), "已撤销排除，这些测评票重新计入结果。");

    private async Task<IActionResult> DoneAsync(int campaignId, CommandResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return await ShowAsync(campaignId);
        }
        TempData["Message"] = message;
        return Redirect(Request.Path);
    }

    private async Task<IActionResult> InvalidAsync(int campaignId)
    {
        ModelState.Clear();
        ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
        return await ShowAsync(campaignId);
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
}
