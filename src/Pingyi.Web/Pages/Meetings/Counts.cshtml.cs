using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Meetings;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>评议统计 of one campaign, or of every campaign the subtree takes part in.</summary>
public class CountsModel(MeetingCountsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    public List<CampaignCounts> Campaigns { get; private set; } = [];

    public static string TotalLabel(CampaignCounts c) => c.TopName + "（合计）";

    /// <summary>The top's own meetings are 本级; a child's row holds its whole subtree.</summary>
    public static string RowLabel(OrganizationCounts o) => o.IsTop ? o.Name + "（本级）" : o.Name + "（含下级）";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CampaignId is { } id)
        {
            if (await query.FindAsync(id, ct) is not { } counts)
            {
                return NotFound();
            }
            Campaigns = [counts];
        }
        else
        {
            Campaigns = await query.AllAsync(ct);
        }
        return Page();
    }
}
