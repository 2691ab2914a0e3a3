using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// A campaign's results input as the caller may see it: the campaign (run in their subtree or
/// above it), the whole campaign's input (suppression is decided over the whole campaign, so two
/// administrators with different subtrees never see complementary cells), and the subjects of the
/// caller's subtree, which are the only ones pages, API and exports may show.
/// </summary>
public sealed record ScopedResults(Campaign Campaign, ResultInput Input, IReadOnlySet<int> VisibleSubjectIds, bool SeesWholeCampaign);

public sealed class ResultsQuery(AppDbContext db, OrgScope scope, ResultsCache cache)
{
    /// <summary>The campaign's results input, or null (refusal audited) when the campaign does not reach the caller's subtree.</summary>
    public async Task<ScopedResults?> FindAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await (await scope.CampaignsReachingAsync()).AsNoTracking()
            .Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            await scope.DenyAsync("Campaign", campaignId);
            return null;
        }
        var input = await cache.GetAsync(db, campaign, cancellationToken);
        var visible = await VisibleSubjectsAsync(input, cancellationToken);
        return new ScopedResults(campaign, input, visible, visible.Count == input.Subjects.Count);
    }

    /// <summary>
    /// The statistics the caller may see: the whole campaign's when every subject is in their
    /// subtree, else restricted to their subjects (suppression still decided over the whole
    /// campaign). Computed once per loaded input and subject set (<see cref="ResultsCache"/>).
    /// </summary>
    public CampaignResult ResultOf(ScopedResults results) =>
        cache.ResultOf(results.Input, results.SeesWholeCampaign ? null : results.VisibleSubjectIds);

    /// <summary>
    /// The subject if it belongs to the campaign and lies in the caller's subtree; otherwise null
    /// with the refusal audited (a neighbour's subject answers like an unknown one).
    /// </summary>
    public async Task<SubjectInfo?> FindSubjectAsync(ScopedResults results, int subjectId)
    {
        if (results.VisibleSubjectIds.Contains(subjectId) && results.Input.Subjects.FirstOrDefault(s => s.Id == subjectId) is { } subject)
        {
            return subject;
        }
        await scope.DenyAsync("CampaignSubject", subjectId);
        return null;
    }

    private async Task<IReadOnlySet<int>> VisibleSubjectsAsync(ResultInput input, CancellationToken cancellationToken)
    {
        if (await scope.PathAsync() == "/")
        {
            // The whole tree: every subject, without a query per view.
            return input.Subjects.Select(s => s.Id).ToHashSet();
        }
        var campaignId = input.CampaignId;
        var organizations = (await scope.OrganizationsAsync()).Select(o => o.Id);
        var members = (await scope.MembersAsync()).Select(m => m.Id);
        return (await db.CampaignSubjects.Where(s => s.CampaignId == campaignId
                && ((s.OrganizationId != null && organizations.Contains(s.OrganizationId.Value))
                    || (s.MemberId != null && members.Contains(s.MemberId.Value))))
            .Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
    }
}
