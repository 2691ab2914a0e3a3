using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.ResultExports;

/// <summary>The two result workbooks of a campaign; a campaign outside the caller's reach is 404.</summary>
public class IndexModel(ResultsQuery query, Features.Results.ResultExports exports) : PageModel
{
    public int CampaignId { get; private set; }

    public string CampaignName { get; private set; } = "";

    public int K { get; private set; }

    public long ExcludedBallots { get; private set; }

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        CampaignId = campaignId;
        CampaignName = found.Campaign.Name;
        K = Pingyi.Domain.Results.Suppression.EffectiveK(found.Input.MinGroupSize);
        ExcludedBallots = found.Input.ExcludedBallots;
        return Page();
    }

    public async Task<IActionResult> OnGetStatisticsAsync(int campaignId, CancellationToken cancellationToken) =>
        Download(await exports.StatisticsAsync(campaignId, cancellationToken));

    public async Task<IActionResult> OnGetBallotsAsync(int campaignId, CancellationToken cancellationToken) =>
        Download(await exports.BallotsAsync(campaignId, cancellationToken));

    private IActionResult Download(ExportFile? file) =>
        file is null ? NotFound() : File(file.Bytes, ExportFile.ContentType, file.FileName);
}
