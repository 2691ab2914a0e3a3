using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Meetings;

/// <summary>A meeting as the lists and counts show it.</summary>
public sealed record MeetingRow(int Id, string Title, MeetingKind Kind, DateOnly HeldOn, int CampaignId, string CampaignName,
    int HostOrganizationId, string HostName, int Attendance, MeetingTally Tally)
{
    public string KindName => MeetingLabels.Of(Kind);
}

/// <summary>The counts of one organisation's row: itself, or a child with its whole subtree.</summary>
public sealed record OrganizationCounts(int OrganizationId, string Name, bool IsTop, MeetingCounts Counts);

/// <summary>
/// The counts of one campaign as one administrator may see them. <see cref="RunsCampaign"/> is true
/// when the campaign is run inside the subtree; only then are online raters known, since online
/// ballots carry no organisation.
/// </summary>
public sealed record CampaignCounts(int CampaignId, string CampaignName, int Year, CampaignState State, bool RunsCampaign,
    string TopName, MeetingCounts Total, List<OrganizationCounts> ByOrganization, List<MeetingRow> ToType);

/// <summary>
/// 评议统计 (formulas in <see cref="MeetingCounts"/>): the meetings hosted and the standing channels
/// posted inside the caller's subtree, plus the online raters for a campaign the caller runs.
/// </summary>
public sealed class MeetingCountsQuery(AppDbContext db, OrgScope scope, MeetingCommands commands)
{
    public const int MaxCampaigns = 100;

    /// <summary>The counts of a campaign the subtree takes part in; null (audited) otherwise.</summary>
    public async Task<CampaignCounts?> FindAsync(int campaignId, CancellationToken ct)
    {
        var campaign = await commands.FindCampaignAsync(campaignId);
        return campaign is null ? null : (await OfAsync([campaign], ct)).Single();
    }

    /// <summary>The counts of every campaign the subtree takes part in, newest first.</summary>
    public async Task<List<CampaignCounts>> AllAsync(CancellationToken ct)
    {
        var campaigns = await (await scope.CampaignsReachingAsync()).Include(c => c.Organization)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(MaxCampaigns).ToListAsync(ct);
        return await OfAsync(campaigns, ct);
    }

    /// <summary>Meetings of the subtree with their tallies, optionally of one campaign, newest first.</summary>
    public async Task<List<MeetingRow>> MeetingsAsync(int? campaignId, CancellationToken ct) =>
        await MeetingsAsync(campaignId is { } id ? [id] : null, ct);

    private async Task<List<MeetingRow>> MeetingsAsync(List<int>? campaignIds, CancellationToken ct)
    {
        var meetings = await scope.MeetingsAsync();
        if (campaignIds is not null)
        {
            meetings = meetings.Where(m => campaignIds.Contains(m.CampaignId));
        }
        var rows = await (from m in meetings
                          join c in db.Campaigns on m.CampaignId equals c.Id
                          join o in db.Organizations on m.HostOrganizationId equals o.Id
                          orderby m.HeldOn descending, m.Id descending
                          select new { m.Id, m.Title, m.Kind, m.HeldOn, m.CampaignId, CampaignName = c.Name, m.HostOrganizationId, HostName = o.Name, m.Attendance })
            .Take(2_000).ToListAsync(ct);
        var tallies = await MeetingTallies.OfAsync(db, rows.Select(r => r.Id), ct);
        return rows.Select(r => new MeetingRow(r.Id, r.Title, r.Kind, r.HeldOn, r.CampaignId, r.CampaignName, r.HostOrganizationId, r.HostName,
            r.Attendance, tallies[r.Id])).ToList();
    }

    private async Task<List<CampaignCounts>> OfAsync(List<Campaign> campaigns, CancellationToken ct)
    {
        var scopePath = await scope.PathAsync() ?? "/";
        var ids = campaigns.Select(c => c.Id).ToList();
        var meetings = await (await scope.MeetingsAsync()).Where(m => ids.Contains(m.CampaignId))
            .Join(db.Organizations, m => m.HostOrganizationId, o => o.Id, (m, o) => new { m.Id, m.CampaignId, m.Kind, m.Attendance, o.Path })
            .ToListAsync(ct);
        var tallies = await MeetingTallies.OfAsync(db, meetings.Select(m => m.Id), ct);
        var rows = (await MeetingsAsync(ids, ct)).ToLookup(r => r.CampaignId);
        var channels = await (await scope.StandingChannelsAsync()).Where(c => ids.Contains(c.CampaignId))
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.CampaignId, c.BallotCount, o.Path })
            .ToListAsync(ct);
        var run = campaigns.Where(c => OrganizationTree.IsWithin(c.Organization!.Path, scopePath)).Select(c => c.Id).ToList();
        var online = await db.Ballots.AsNoTracking().Where(b => run.Contains(b.CampaignId) && b.Channel == BallotChannel.Online)
            .GroupBy(b => new { b.CampaignId, b.RaterGroupId, b.AssignmentId })
            .Select(g => new { g.Key.CampaignId, g.Key.RaterGroupId, Count = g.Count() }).ToListAsync(ct);

        var result = new List<CampaignCounts>();
        foreach (var campaign in campaigns)
        {
            // The view's top: the deeper of the campaign's organisation and the caller's scope.
            var topPath = OrganizationTree.IsWithin(campaign.Organization!.Path, scopePath) ? campaign.Organization.Path : scopePath;
            int? onlineRaters = run.Contains(campaign.Id)
                ? MeetingCounts.RatersOf(online.Where(o => o.CampaignId == campaign.Id).GroupBy(o => o.RaterGroupId).Select(g => g.Select(o => o.Count)))
                : null;
            var ms = meetings.Where(m => m.CampaignId == campaign.Id).ToList();
            var cs = channels.Where(c => c.CampaignId == campaign.Id).ToList();
            var total = MeetingCounts.Of(ms.Select(m => new MeetingFigures(m.Kind, m.Attendance, tallies[m.Id])), onlineRaters, cs.Sum(c => c.BallotCount));
            var byRow = ms.Select(m => (Row: CountsTree.RowOf(topPath, m.Path), m.Id)).Where(x => x.Row is not null).ToLookup(x => x.Row!.Value, x => x.Id);
            var channelRows = cs.Select(c => (Row: CountsTree.RowOf(topPath, c.Path), c.BallotCount)).Where(x => x.Row is not null)
                .ToLookup(x => x.Row!.Value, x => x.BallotCount);
            var rowIds = byRow.Select(g => g.Key).Concat(channelRows.Select(g => g.Key)).Distinct().ToList();
            var names = await db.Organizations.AsNoTracking().Where(o => rowIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Path })
                .OrderBy(o => o.Path).ToListAsync(ct);
            var byOrganization = names.Select(o => new OrganizationCounts(o.Id, o.Name, o.Path == topPath, MeetingCounts.Of(
                byRow[o.Id].Select(id => ms.First(m => m.Id == id)).Select(m => new MeetingFigures(m.Kind, m.Attendance, tallies[m.Id])),
                null, channelRows[o.Id].Sum()))).ToList();
            var topName = await db.Organizations.Where(o => o.Path == topPath).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
            result.Add(new CampaignCounts(campaign.Id, campaign.Name, campaign.Year, campaign.State, run.Contains(campaign.Id), topName, total,
                byOrganization, rows[campaign.Id].Where(r => !r.Tally.IsComplete).ToList()));
        }
        return result;
    }
}
