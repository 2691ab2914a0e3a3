using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Loop.Replies;

/// <summary>A measure as the reply's writer sees it.</summary>
public sealed record ReplyMeasure(string Text, string Responsible, MeasureState State, DateOnly Deadline);

/// <summary>How the raisers rated the handling: counts, 整改满意率, receipt holders and how many have not rated.</summary>
public sealed record ReplyRatings(ReRatingTally Tally, int Opinions, int ReceiptHolders, int HoldersUnrated);

public sealed class ReplyQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<ReplyMeasure>> MeasuresAsync(int problemId) =>
        await db.Measures.AsNoTracking().Where(m => m.ProblemId == problemId).OrderBy(m => m.Id)
            .Select(m => new ReplyMeasure(m.Text,
                db.Organizations.Where(o => o.Id == m.ResponsibleOrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                m.State, m.Deadline))
            .ToListAsync();

    /// <summary>
    /// The re-ratings of the problem's opinions, those merged into one of them included. Counted
    /// per opinion: each holds its raiser's latest rating. Nothing here names an opinion.
    /// </summary>
    public async Task<ReplyRatings> RatingsAsync(int problemId)
    {
        var opinions = await db.Opinions.AsNoTracking()
            .Where(o => o.ProblemId == problemId
                || (o.MergedIntoId != null && db.Opinions.Any(t => t.Id == o.MergedIntoId && t.ProblemId == problemId)))
            .Select(o => new { o.ReRating, Holder = o.ReceiptHash != null })
            .ToListAsync();
        var held = opinions.Where(o => o.Holder).ToList();
        return new ReplyRatings(ReRatingTally.Of(opinions.Select(o => o.ReRating)), opinions.Count, held.Count,
            held.Count(o => o.ReRating is null));
    }
}
