using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Results;

public class TreeModel(ResultsQuery query, OrgScope scope) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public SubtreeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Campaign = found.Campaign;
        var result = query.ResultOf(found);
        View = new SubtreeView(result, SubtreeRollups.Compute(result, await SubtreeView.NodesAsync(scope, cancellationToken)));
        return Page();
    }
}
