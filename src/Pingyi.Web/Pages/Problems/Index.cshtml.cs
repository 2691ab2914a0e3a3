using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Problems;

/// <summary>查找问题 in scope, filtered by campaign, organisation (with its subtree) and state.</summary>
public class IndexModel(OrgScope scope, ProblemQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public List<ProblemRow> Rows { get; private set; } = [];

    public List<(int Id, string Name)> Campaigns { get; private set; } = [];

    public List<Organization> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        string? path = null;
        if (OrganizationId is { } orgId)
        {
            if (await scope.FindOrganizationAsync(orgId) is not { } org)
            {
                return NotFound();
            }
            path = org.Path;
        }
        var campaigns = await scope.CampaignsReachingAsync();
        if (CampaignId is { } campaignId && !await campaigns.AnyAsync(c => c.Id == campaignId))
        {
            await scope.DenyAsync("Campaign", campaignId);
            return NotFound();
        }
        ProblemStatus? status = CampaignText.TryParseName<ProblemStatus>(Status, out var s) ? s : null;
        Rows = await queries.ListAsync(new ProblemFilter(CampaignId, path, status));
        Campaigns = (await campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(100)
            .Select(c => new { c.Id, c.Name, c.Year }).ToListAsync()).Select(c => (c.Id, $"{c.Name}（{c.Year}）")).ToList();
        Organizations = await (await scope.OrganizationsAsync()).Where(o => o.IsActive).OrderBy(o => o.Path).Take(500).ToListAsync();
        return Page();
    }
}
