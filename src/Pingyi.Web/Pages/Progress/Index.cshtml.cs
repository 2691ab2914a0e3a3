using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.Progress;

public class IndexModel(ProgressQuery query) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public CampaignProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        (Campaign, Progress) = found;
        return Page();
    }
}
