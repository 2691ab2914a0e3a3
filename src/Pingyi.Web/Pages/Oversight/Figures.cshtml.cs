using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Loop.Oversight;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Oversight;

/// <summary>闭环指标 of a subtree, with a row per child organisation; filters: campaign and year.</summary>
public class FiguresModel(LoopFiguresQuery query, OrgScope scope) : PageModel
{
    public LoopFiguresView View { get; private set; } = null!;

    public List<Campaign> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? organizationId, int? campaignId, int? year)
    {
        if (await query.LoadAsync(organizationId, campaignId, year) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Campaigns = await (await scope.CampaignsReachingAsync()).AsNoTracking().OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync();
        return Page();
    }
}
