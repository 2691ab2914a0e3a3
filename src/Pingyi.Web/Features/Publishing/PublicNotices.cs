using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Publishing;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Features.Publishing;

/// <summary>A notice in the public list.</summary>
public sealed record NoticeListItem(int Id, string Campaign, string Organization, DateOnly StartsOn, DateOnly EndsOn, PublicationState State);

/// <summary>
/// One subject's line of the notice. <see cref="Rate"/> and <see cref="Interval"/> come from
/// <see cref="ResultDisplay"/> only, so a suppressed figure reads "—（少于5份）" and never a number.
/// </summary>
public sealed record NoticeSubject(int Id, string Name, string Rate, string Interval, string? Grade);

/// <summary>A problem of the campaign as the public sees it: its title, owner, state and reply, never an opinion's text.</summary>
public sealed record NoticeProblem(string Title, string Organization, string Status, string? Reply, DateOnly? RepliedOn);

/// <summary>Everything the public page and the printed notice show.</summary>
public sealed record NoticeContent(Publication Publication, Campaign Campaign, int K, IReadOnlyList<NoticeSubject> Subjects,
    IReadOnlyList<NoticeProblem> Problems, bool AcceptsObjections)
{
    public string Title => PublicationRules.TitleOf(Campaign.Name);
}

/// <summary>
/// The public side of 公示, without login: a notice is seen only while it stands (公示中 or 已生效)
/// and its campaign is 已公示; anything else answers exactly like an unknown id. The figures are the
/// WHOLE campaign's result with the campaign's k, so the suppression of the result pages applies as is.
/// </summary>
public sealed class PublicNotices(AppDbContext db, ResultsCache cache, TimeProvider clock)
{
    /// <summary>The public page's address, for the link and the QR code.</summary>
    public static string PublicLink(HttpRequest request, int id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/Gongshi/{id}";
    }

    public async Task<IReadOnlyList<NoticeListItem>> ListAsync() =>
        await (from p in db.Publications.AsNoTracking()
               where p.State == PublicationState.Notice || p.State == PublicationState.Final
               join c in db.Campaigns on p.CampaignId equals c.Id
               where c.State == CampaignState.Published
               join o in db.Organizations on c.OrganizationId equals o.Id
               orderby p.StartsOn descending, p.Id descending
               select new NoticeListItem(p.Id, c.Name, o.Name, p.StartsOn, p.EndsOn, p.State))
            .ToListAsync();

    /// <summary>The notice and its campaign when the public may see it; otherwise null.</summary>
    public async Task<(Publication Publication, Campaign Campaign)?> FindAsync(int id)
    {
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (publication is null)
        {
            return null;
        }
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Organization).FirstAsync(c => c.Id == publication.CampaignId);
        return PublicationRules.IsPublic(publication, campaign.State) ? (publication, campaign) : null;
    }

    public async Task<NoticeContent> ContentAsync(Publication publication, Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(campaign);
        var input = await cache.GetAsync(db, campaign, ct);
        var result = cache.ResultOf(input, null);
        var grades = await db.MemberGradeDecisions.AsNoTracking().Where(d => d.CampaignId == campaign.Id)
            .ToDictionaryAsync(d => d.SubjectId, d => d.FinalGrade, ct);
        var subjects = result.Subjects.Select(s => new NoticeSubject(s.Subject.Id, s.Subject.Name,
            ResultDisplay.Rate(s.Overall, result.K), s.Overall.IsShown ? ResultDisplay.Interval(s.Overall) : RateFormat.None,
            grades.TryGetValue(s.Subject.Id, out var g) ? MemberGrades.Labels[g] : null)).ToList();
        var problems = publication.ShowProblems ? await ProblemsAsync(campaign.Id, ct) : [];
        return new NoticeContent(publication, campaign, result.K, subjects, problems,
            PublicationRules.AcceptsObjections(publication, CampaignPlan.Today(clock)));
    }

    private async Task<List<NoticeProblem>> ProblemsAsync(int campaignId, CancellationToken ct)
    {
        var today = CampaignPlan.Today(clock);
        var rows = await db.Problems.AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Title,
                Organization = db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).First(),
                Measures = p.Measures.Count,
                Verified = p.Measures.Count(m => m.State == MeasureState.Verified),
                Overdue = p.Measures.Count(m => m.State != MeasureState.Verified && m.Deadline < today),
                p.Reply,
                p.RepliedOn,
            })
            .ToListAsync(ct);
        return rows.Select(p => new NoticeProblem(p.Title, p.Organization,
            MeasureRules.StatusLabels[MeasureRules.StatusOf(p.Measures, p.Verified, p.Overdue)], p.Reply, p.RepliedOn)).ToList();
    }
}
