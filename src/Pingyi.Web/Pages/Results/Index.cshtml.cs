using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.Results;

public class IndexModel(ResultsQuery query) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public CampaignOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Campaign = found.Campaign;
        Overview = new CampaignOverview(found.Input, query.ResultOf(found));
        return Page();
    }
}
