using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Codes;

/// <summary>评议码 of one campaign: counts per rater group, generating, the batches with their actions, voiding one code.</summary>
public class IndexModel(OrgScope scope, TokenIssuer issuer) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public List<GroupCodeCounts> Counts { get; private set; } = [];

    public List<BatchView> Batches { get; private set; } = [];

    public bool AnyGenerating => Batches.Any(b => b.State == TokenBatchState.Generating);

    public bool CanIssue => TokenIssuer.AcceptsNewCodes(Campaign.State);

    [BindProperty]
    public int RaterGroupId { get; set; }

    /// <summary>Bound as text so that "abc" gets the same clear rule as 0 or 100001.</summary>
    [BindProperty]
    public string? Count { get; set; }

    /// <summary>Not named "Code": a 404 re-executes /Error with this form, whose "code" parameter would take it.</summary>
    [BindProperty]
    public string? TypedCode { get; set; }

    public async Task<IActionResult> OnGetAsync(int campaignId) => await ShowAsync(campaignId);

    public async Task<IActionResult> OnPostGenerateAsync(int campaignId)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(campaignId);
        }
        if (!int.TryParse(Count?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            // Found first, so a campaign out of scope answers 404 whatever the count.
            return await scope.FindCampaignAsync(campaignId) is null ? NotFound() : await FailAsync(campaignId, TokenIssuer.CountRule);
        }
        var before = (await issuer.CountsAsync(campaignId)).FirstOrDefault(g => g.RaterGroupId == RaterGroupId);
        var over = before is not null && before.Issued + count > before.Planned
            ? $"注意：超过了该类别的名额（名额{before.Planned}个，连同这批共{before.Issued + count}个）。" : "";
        return await ResultAsync(campaignId, await issuer.IssueAsync(campaignId, RaterGroupId, count), $"正在生成{count}个评议码，请稍候。{over}");
    }

    public async Task<IActionResult> OnPostVoidCodeAsync(int campaignId) =>
        !ModelState.IsValid ? await InvalidAsync(campaignId)
            : await ResultAsync(campaignId, await issuer.VoidCodeAsync(campaignId, TypedCode), "评议码已作废。");

    public async Task<IActionResult> OnPostVoidBatchAsync(int campaignId, int batchId)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(campaignId);
        }
        if (!await OwnsAsync(campaignId, batchId))
        {
            return NotFound();
        }
        var result = await issuer.VoidBatchAsync(batchId);
        return await ResultAsync(campaignId, result, $"已作废这批未使用的评议码{result.Id}个。");
    }

    public async Task<IActionResult> OnPostReissueAsync(int campaignId, int batchId) =>
        !ModelState.IsValid ? await InvalidAsync(campaignId)
            : !await OwnsAsync(campaignId, batchId) ? NotFound()
            : await ResultAsync(campaignId, await issuer.ReissueAsync(batchId), "已作废这批未使用的评议码，正在重新生成同样数量的评议码。");

    public async Task<IActionResult> OnPostPurgeAsync(int campaignId, int batchId) =>
        !ModelState.IsValid ? await InvalidAsync(campaignId)
            : !await OwnsAsync(campaignId, batchId) ? NotFound()
            : await ResultAsync(campaignId, await issuer.PurgeAsync(batchId), "这批评议码的明文已清除。");

    /// <summary>A batch id from the form must belong to the campaign of the page (and lie in scope).</summary>
    private async Task<bool> OwnsAsync(int campaignId, int batchId) =>
        await issuer.FindAsync(batchId) is ({ } batch, not null) && batch.CampaignId == campaignId;

    private async Task<IActionResult> ShowAsync(int campaignId)
    {
        if (await scope.FindCampaignAsync(campaignId) is not { } campaign)
        {
            return NotFound();
        }
        Campaign = campaign;
        Counts = await issuer.CountsAsync(campaignId);
        Batches = await issuer.BatchesAsync(campaignId);
        return Page();
    }

    private async Task<IActionResult> InvalidAsync(int campaignId)
    {
        ModelState.Clear();
        return await FailAsync(campaignId, "填写的内容格式不正确，请检查后重试。");
    }

    private async Task<IActionResult> FailAsync(int campaignId, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(campaignId);
    }

    private async Task<IActionResult> ResultAsync(int campaignId, CommandResult result, string message) =>
        result.NotFound ? NotFound()
            : result.Error is { } error ? await FailAsync(campaignId, error)
            : Done(message);

    private RedirectResult Done(string message)
    {
        TempData["Message"] = message;
        return Redirect(Request.Path);
    }
}
