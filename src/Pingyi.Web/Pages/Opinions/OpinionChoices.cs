using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;
using Pingyi.Web.Pages.Campaigns;

namespace Pingyi.Web.Pages.Opinions;

/// <summary>What the opinion pages offer in their drop-downs: organisations, campaigns and categories in the caller's reach.</summary>
public sealed record OpinionChoices(List<OrgOption> Organizations, List<Campaign> Campaigns, List<OpinionCategory> Categories)
{
    public static async Task<OpinionChoices> LoadAsync(AppDbContext db, OrgScope scope, bool activeCategoriesOnly)
    {
        var campaigns = await (await scope.CampaignsReachingAsync()).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(100).ToListAsync();
        var categories = await db.OpinionCategories.Where(c => c.IsActive || !activeCategoriesOnly).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        return new OpinionChoices(await OrgOption.InScopeAsync(scope), campaigns, categories);
    }

    /// <summary>The campaign if it reaches the caller's subtree; otherwise null, with the refusal audited.</summary>
    public static async Task<Campaign?> FindCampaignAsync(OrgScope scope, int id)
    {
        var campaign = await (await scope.CampaignsReachingAsync()).FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            await scope.DenyAsync("Campaign", id);
        }
        return campaign;
    }
}
