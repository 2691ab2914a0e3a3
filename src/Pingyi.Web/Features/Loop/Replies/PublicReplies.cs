using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Loop.Replies;

/// <summary>A replied problem as the public sees it: never an opinion's text, which could identify its raiser.</summary>
public sealed record PublicReply(string Title, string Organization, string? Category, string Reply, DateOnly RepliedOn,
    int MeasuresVerified, int Measures);

public sealed record PublicReplyPage(IReadOnlyList<PublicReply> Rows, int Total);

/// <summary>反馈公开: the replied problems, newest reply first, optionally of one organisation's subtree.</summary>
public sealed class PublicReplies(AppDbContext db)
{
    public const int PageSize = 20;

    /// <summary>The organisations that own a replied problem, in tree order, for the filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OrganizationsAsync() =>
        (await db.Organizations.AsNoTracking()
            .Where(o => db.Problems.Any(p => p.OrganizationId == o.Id && p.Reply != null))
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync())
        .Select(o => (o.Id, o.Name)).ToList();

    public async Task<PublicReplyPage> PageAsync(int? organizationId, int page)
    {
        var problems = db.Problems.AsNoTracking().Where(p => p.Reply != null);
        if (organizationId is { } orgId)
        {
            var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync();
            if (path is null)
            {
                return new PublicReplyPage([], 0);
            }
            problems = problems.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)));
        }
        var total = await problems.CountAsync();
        var rows = await problems.OrderByDescending(p => p.RepliedOn).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new PublicReply(
                p.Title,
                db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                db.OpinionCategories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.Reply!,
                p.RepliedOn!.Value,
                p.Measures.Count(m => m.State == MeasureState.Verified),
                p.Measures.Count))
            .ToListAsync();
        return new PublicReplyPage(rows, total);
    }
}
