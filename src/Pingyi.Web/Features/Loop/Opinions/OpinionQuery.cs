using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Opinions;

public sealed record OpinionFilter(int? CampaignId = null, int? OrganizationId = null, OpinionSource? Source = null,
    int? CategoryId = null, OpinionState? State = null, string? Search = null);

/// <summary>One opinion as listed; <see cref="GroupCount"/> is 1 plus the opinions merged into it.</summary>
public sealed record OpinionRow(Guid Id, OpinionSource Source, int OrganizationId, string OrganizationName, int? CategoryId,
    string? CategoryName, int? CampaignId, string Text, DateOnly ReceivedOn, OpinionState State, int? ProblemId, Guid? MergedIntoId,
    string? Reply, int GroupCount);

public sealed record OpinionPage(List<OpinionRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A suggested duplicate pair, with the size of each merge group.</summary>
public sealed record SimilarOpinions(OpinionRow First, OpinionRow Second, double Similarity);

/// <summary>Opinions in the caller's scope, filtered and paged; and the likely duplicates among the open ones.</summary>
public sealed class OpinionQuery(AppDbContext db, OrgScope scope)
{
    public const int PageSize = 50;

    /// <summary>The open opinions compared at once; more would make the page slow and the list of pairs unreadable anyway.</summary>
    public const int SimilarLimit = 5000;

    public const int SimilarShown = 100;

    public async Task<OpinionPage> ListAsync(OpinionFilter filter, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        var query = Filter(await scope.OpinionsAsync(), filter);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // Random ids carry no order, so the day received and then the id give a stable one.
        var opinions = await query.OrderByDescending(o => o.ReceivedOn).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new OpinionPage(await RowsAsync(opinions, ct), total, page, pageSize);
    }

    public async Task<List<OpinionRow>> RowsAsync(IReadOnlyCollection<Opinion> opinions, CancellationToken ct = default)
    {
        var ids = opinions.Select(o => o.Id).ToList();
        var orgIds = opinions.Select(o => o.OrganizationId).Distinct().ToList();
        var merged = await db.Opinions.Where(o => o.MergedIntoId != null && ids.Contains(o.MergedIntoId.Value))
            .GroupBy(o => o.MergedIntoId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var orgs = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var categories = await db.OpinionCategories.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return opinions.Select(o => new OpinionRow(o.Id, o.Source, o.OrganizationId, orgs.GetValueOrDefault(o.OrganizationId, ""),
            o.CategoryId, o.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, o.CampaignId, o.Text, o.ReceivedOn,
            OpinionRules.StateOf(o), o.ProblemId, o.MergedIntoId, o.Reply, 1 + merged.GetValueOrDefault(o.Id))).ToList();
    }

    /// <summary>
    /// Likely duplicates among the open opinions (not merged, on no problem, not replied to), only
    /// ever within one organisation and one campaign (or both without), as merging allows.
    /// </summary>
    public async Task<List<SimilarOpinions>> SimilarAsync(int? campaignId, int? organizationId, double threshold, CancellationToken ct = default)
    {
        var query = (await scope.OpinionsAsync()).Where(o => o.MergedIntoId == null && o.ProblemId == null && o.Reply == null);
        if (campaignId is { } c)
        {
            query = query.Where(o => o.CampaignId == c);
        }
        if (organizationId is { } org)
        {
            query = query.Where(o => o.OrganizationId == org);
        }
        var open = await query.OrderByDescending(o => o.ReceivedOn).ThenBy(o => o.Id).Take(SimilarLimit).ToListAsync(ct);
        var pairs = OpinionSimilarity.Suggest(open.Select((o, i) => (i, o.Text)).ToList(), threshold)
            .Where(p => open[p.FirstId].OrganizationId == open[p.SecondId].OrganizationId && open[p.FirstId].CampaignId == open[p.SecondId].CampaignId)
            .Take(SimilarShown).ToList();
        var involved = pairs.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().Select(i => open[i]).ToList();
        var rows = (await RowsAsync(involved, ct)).ToDictionary(r => r.Id);
        // The earlier opinion keeps the group: the merge goes into the one that arrived first.
        return pairs.Select(p => (A: rows[open[p.FirstId].Id], B: rows[open[p.SecondId].Id], p.Similarity))
            .Select(p => p.A.ReceivedOn <= p.B.ReceivedOn ? new SimilarOpinions(p.A, p.B, p.Similarity) : new SimilarOpinions(p.B, p.A, p.Similarity))
            .ToList();
    }

    private static IQueryable<Opinion> Filter(IQueryable<Opinion> query, OpinionFilter f)
    {
        if (f.CampaignId is { } c)
        {
            query = query.Where(o => o.CampaignId == c);
        }
        if (f.OrganizationId is { } org)
        {
            query = query.Where(o => o.OrganizationId == org);
        }
        if (f.Source is { } s)
        {
            query = query.Where(o => o.Source == s);
        }
        if (f.CategoryId is { } cat)
        {
            query = query.Where(o => o.CategoryId == cat);
        }
        query = f.State switch
        {
            OpinionState.Pending => query.Where(o => o.ProblemId == null && o.MergedIntoId == null && o.Reply == null),
            OpinionState.Problem => query.Where(o => o.ProblemId != null),
            OpinionState.Merged => query.Where(o => o.MergedIntoId != null),
            OpinionState.Replied => query.Where(o => o.Reply != null),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var text = f.Search.Trim();
            query = query.Where(o => o.Text.Contains(text) || (o.SourceNote != null && o.SourceNote.Contains(text)));
        }
        return query;
    }
}
