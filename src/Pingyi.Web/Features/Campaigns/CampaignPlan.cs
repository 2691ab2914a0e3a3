using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>Loads a campaign with everything <see cref="CampaignRules.CheckPlan"/> and the plan pages read.</summary>
public static class CampaignPlan
{
    public static IQueryable<Campaign> WithPlan(this IQueryable<Campaign> campaigns) => campaigns
        .Include(c => c.Organization)
        .Include(c => c.Subjects).ThenInclude(s => s.Organization)
        .Include(c => c.Subjects).ThenInclude(s => s.Member).ThenInclude(m => m!.Organization)
        .Include(c => c.RaterGroups)
        .Include(c => c.Assignments).ThenInclude(a => a.Subjects)
        .Include(c => c.Assignments).ThenInclude(a => a.RaterGroup)
        .Include(c => c.Assignments).ThenInclude(a => a.FormVersion).ThenInclude(v => v!.Sections).ThenInclude(s => s.Items)
        .AsSplitQuery();

    /// <summary>The campaign with its plan if it lies in scope; otherwise null, with the refusal audited.</summary>
    public static async Task<Campaign?> FindAsync(AppDbContext db, OrgScope scope, int id) =>
        await scope.FindCampaignAsync(id) is null ? null : await db.Campaigns.WithPlan().FirstAsync(c => c.Id == id);

    /// <summary>Subjects in tree order: organisations first by their place in the tree, then members by theirs.</summary>
    public static List<CampaignSubject> Ordered(IEnumerable<CampaignSubject> subjects) => subjects
        .OrderBy(s => s.IsMember)
        .ThenBy(s => s.Organization?.Path ?? s.Member?.Organization?.Path, StringComparer.Ordinal)
        .ThenBy(s => s.Organization?.SortOrder ?? 0)
        .ThenBy(s => s.Id)
        .ToList();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
