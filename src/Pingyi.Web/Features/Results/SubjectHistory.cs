using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Results.Charts;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>A subject's overall figure in one campaign, as the caller sees that campaign's results.</summary>
public sealed record HistoryPoint(int CampaignId, string CampaignName, int Year, int SubjectId, ResultBlock Overall, int K);

/// <summary>
/// Year on year: the same organisation or member in the campaigns before this one that reach the
/// caller. Each earlier figure is read through <see cref="ResultsQuery"/> exactly as that
/// campaign's own pages show it to the caller (same scope, same suppression view), so the trend
/// cannot show a figure those pages hide.
/// </summary>
public sealed class SubjectHistory(AppDbContext db, OrgScope scope, ResultsQuery query)
{
    /// <summary>Campaigns in the trend, the current one included.</summary>
    public const int Campaigns = 5;

    public async Task<IReadOnlyList<HistoryPoint>> OfAsync(Campaign current, CampaignResult currentResult, SubjectResult subject, CancellationToken cancellationToken)
    {
        var reaching = (await scope.CampaignsReachingAsync()).Where(c => c.State != CampaignState.Draft
            && c.Id != current.Id
            && (c.StartsOn < current.StartsOn || (c.StartsOn == current.StartsOn && c.Id < current.Id)));
        var subjects = db.CampaignSubjects.AsQueryable();
        subjects = subject.Subject.MemberId is { } memberId
            ? subjects.Where(s => s.MemberId == memberId)
            : subjects.Where(s => s.OrganizationId == subject.Subject.OrganizationId);
        var earlier = await (from s in subjects
                             join c in reaching on s.CampaignId equals c.Id
                             orderby c.StartsOn descending, c.Id descending
                             select new { CampaignId = c.Id, c.Name, c.Year, SubjectId = s.Id })
            .Take(Campaigns - 1).ToListAsync(cancellationToken);
        var points = new List<HistoryPoint>();
        foreach (var e in Enumerable.Reverse(earlier))
        {
            if (await query.FindAsync(e.CampaignId, cancellationToken) is { } found && query.ResultOf(found) is var result
                && result.Subject(e.SubjectId) is { } then)
            {
                points.Add(new HistoryPoint(e.CampaignId, e.Name, e.Year, e.SubjectId, then.Overall, result.K));
            }
        }
        points.Add(new HistoryPoint(current.Id, current.Name, current.Year, subject.Subject.Id, subject.Overall, currentResult.K));
        return points;
    }

    public static ChartSvg Chart(string subjectName, IReadOnlyList<HistoryPoint> points) =>
        new TrendChart("subject-trend", $"{subjectName}：历次评议满意率",
            [.. points.Select(p => new TrendPoint($"{p.Year}年", ResultDisplay.Chart(p.Overall, p.K)))]).Render();
}
