using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Channels;

/// <summary>One standing channel as listed on the pages and by the API.</summary>
public sealed record ChannelRow(int Id, string Name, int OrganizationId, string Organization, int CampaignId, string Campaign,
    CampaignState CampaignState, int RaterGroupId, string Group, bool Active, int BallotCount, int DailyLimit, string Code);

/// <summary>Standing channels in the caller's scope, with their campaign, organisation and group.</summary>
public sealed class ChannelList(AppDbContext db, OrgScope scope)
{
    /// <summary>
    /// The campaign if it reaches the subtree (run in it or above it); otherwise null, with the refusal audited.
    /// </summary>
    public async Task<Campaign?> FindCampaignAsync(int id)
    {
        var campaign = await (await scope.CampaignsReachingAsync()).AsNoTracking().Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            await scope.DenyAsync("Campaign", id);
        }
        return campaign;
    }

    /// <summary>The channels posted in scope, of one campaign or all, in campaign then tree order.</summary>
    public async Task<List<ChannelRow>> RowsAsync(int? campaignId, int? channelId = null) =>
        await Rows(await scope.StandingChannelsAsync(), campaignId, channelId).ToListAsync();

    private IQueryable<ChannelRow> Rows(IQueryable<StandingChannel> channels, int? campaignId, int? channelId) =>
        channels.AsNoTracking()
            .Where(c => (campaignId == null || c.CampaignId == campaignId) && (channelId == null || c.Id == channelId))
            .Join(db.Campaigns, c => c.CampaignId, k => k.Id, (c, k) => new { c, k })
            .Join(db.Organizations, x => x.c.OrganizationId, o => o.Id, (x, o) => new { x.c, x.k, o })
            .Join(db.RaterGroups, x => x.c.RaterGroupId, g => g.Id, (x, g) => new { x.c, x.k, x.o, g })
            .OrderByDescending(x => x.k.Year).ThenBy(x => x.k.Id).ThenBy(x => x.o.Path).ThenBy(x => x.c.Name).ThenBy(x => x.c.Id)
            .Select(x => new ChannelRow(x.c.Id, x.c.Name, x.o.Id, x.o.Name, x.k.Id, x.k.Name, x.k.State, x.g.Id, x.g.Name,
                x.c.Active, x.c.BallotCount, x.c.DailyLimit, x.c.Code));

    /// <summary>The absolute link a channel's QR opens, on the host the caller reached the app by.</summary>
    public static string PublicLink(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/Q/{code}";
}
