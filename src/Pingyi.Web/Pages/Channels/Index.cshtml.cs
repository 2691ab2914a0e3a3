using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Channels;

/// <summary>One standing channel as listed.</summary>
public sealed record ChannelRow(int Id, string Name, string Organization, int CampaignId, string Campaign, CampaignState CampaignState,
    string Group, bool Active, int BallotCount, int DailyLimit);

/// <summary>平时评议二维码 posted in the administrator's subtree, all or of one campaign.</summary>
public class IndexModel(AppDbContext db, OrgScope scope) : PageModel
{
    public Campaign? Campaign { get; private set; }

    public List<ChannelRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? campaignId)
    {
        if (campaignId is { } id)
        {
            Campaign = await (await scope.CampaignsReachingAsync()).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
            if (Campaign is null)
            {
                await scope.DenyAsync("Campaign", id);
                return NotFound();
            }
        }
        Rows = await RowsAsync(db, await scope.StandingChannelsAsync(), campaignId);
        return Page();
    }

    public static Task<List<ChannelRow>> RowsAsync(AppDbContext db, IQueryable<Domain.Meetings.StandingChannel> channels, int? campaignId) =>
        channels.AsNoTracking()
            .Where(c => campaignId == null || c.CampaignId == campaignId)
            .Join(db.Campaigns, c => c.CampaignId, k => k.Id, (c, k) => new { c, k })
            .Join(db.Organizations, x => x.c.OrganizationId, o => o.Id, (x, o) => new { x.c, x.k, o })
            .Join(db.RaterGroups, x => x.c.RaterGroupId, g => g.Id, (x, g) => new { x.c, x.k, x.o, g })
            .OrderByDescending(x => x.k.Year).ThenBy(x => x.k.Id).ThenBy(x => x.o.Path).ThenBy(x => x.c.Name)
            .Select(x => new ChannelRow(x.c.Id, x.c.Name, x.o.Name, x.k.Id, x.k.Name, x.k.State, x.g.Name, x.c.Active, x.c.BallotCount, x.c.DailyLimit))
            .ToListAsync();
}
