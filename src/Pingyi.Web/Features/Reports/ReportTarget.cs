using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Reports;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Reports;

/// <summary>
/// A report's scope as resolved for the caller: the subtree root (null: the whole tree, system
/// administrator only), the scope narrowed to it, and the campaigns covered.
/// </summary>
public sealed record ReportTarget(ReportScopeInfo Info, Organization? Root, string Name, OrgScope Scope, IReadOnlyList<Campaign> Campaigns);

/// <summary>Resolves the organisation, campaign or year a report page or the CLI asks for.</summary>
public sealed class ReportTargets(IServiceProvider services, OrgScope scope, IHttpContextAccessor http)
{
    public const int MaxCampaigns = 100;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool IsValidYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>
    /// The target, or null when the organisation or campaign lies outside the caller's subtree (or
    /// a campaign does not reach the chosen subtree): the refusal is audited, the page answers 404.
    /// A campaign report takes the campaign's year; without a campaign the year must be valid.
    /// </summary>
    public async Task<ReportTarget?> ResolveAsync(int? organizationId, int? campaignId, int year)
    {
        Organization? root = null;
        if ((organizationId ?? scope.RootId) is { } id)
        {
            root = await scope.FindOrganizationAsync(id);
            // A deactivated organisation has no subtree to report on: its administrators' scope is empty too.
            if (root is null || !root.IsActive)
            {
                return null;
            }
        }
        else if (!scope.IsSystemAdmin)
        {
            return null;
        }
        var narrowed = root is null ? scope : SubtreeScope.For(services, root, http.HttpContext!.User);
        var reaching = (await narrowed.CampaignsReachingAsync()).AsNoTracking().Include(c => c.Organization);
        List<Campaign> campaigns;
        if (campaignId is { } cid)
        {
            var campaign = await reaching.FirstOrDefaultAsync(c => c.Id == cid);
            if (campaign is null)
            {
                await scope.DenyAsync("Campaign", cid);
                return null;
            }
            (campaigns, year) = ([campaign], campaign.Year);
        }
        else
        {
            // A draft has not run: it has no ballots, meetings or results to report.
            campaigns = await reaching.Where(c => c.Year == year && c.State != CampaignState.Draft).OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Take(MaxCampaigns).ToListAsync();
        }
        var name = root?.Name ?? await WholeTreeNameAsync(services);
        return new ReportTarget(new ReportScopeInfo(root?.Id, campaignId, year), root, name, narrowed, campaigns);
    }

    // The whole tree reads as its single top organisation (the bureau), else as all organisations.
    private static async Task<string> WholeTreeNameAsync(IServiceProvider services)
    {
        var tops = await services.GetRequiredService<Data.AppDbContext>().Organizations.AsNoTracking()
            .Where(o => o.ParentId == null && o.IsActive).OrderBy(o => o.Id).Select(o => o.Name).Take(2).ToListAsync();
        return tops.Count == 1 ? tops[0] : "全部组织";
    }
}
