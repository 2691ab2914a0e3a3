using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Features.Loop.Replies;

public enum ReceiptFind
{
    Found = 0,
    Malformed = 1,
    Unknown = 2,
}

/// <summary>What a receipt's holder may see: whether their ballots counted, their own opinions' handling, their objections' answers.</summary>
public sealed record ReceiptView(IReadOnlyList<ReceiptBallots> Ballots, IReadOnlyList<ReceiptOpinion> Opinions,
    IReadOnlyList<ReceiptObjection> Objections);

/// <summary>One of the holder's objections to a notice (公示异议): its text, state and answer, nothing else.</summary>
public sealed record ReceiptObjection(string Text, DateOnly ReceivedOn, ObjectionState State, string? Answer, DateOnly? AnsweredOn);

/// <summary>Ballots of one campaign under the receipt: how many, and how many count (not excluded).</summary>
public sealed record ReceiptBallots(string CampaignName, int Total, int Counted);

/// <summary>One of the holder's opinions with the reply that reaches it and its measures' progress.</summary>
public sealed record ReceiptOpinion(Guid Id, string Text, DateOnly ReceivedOn, string? Reply, DateOnly? RepliedOn,
    int MeasuresVerified, int Measures, ReRating? ReRating)
{
    public bool Replied => Reply is not null;
}

public enum RateOutcome
{
    Rated = 0,
    NotYours = 1,
    NotReplied = 2,
}

/// <summary>
/// The raiser's side of the loop, reached only through a 回执码: the hash finds the holder's own
/// ballots and opinions by equality and nothing else. Nothing here is audited or logged — a row
/// naming an opinion or a receipt next to an address and a moment would undo the anonymity.
/// </summary>
public sealed class ReceiptLookup(AppDbContext db, TokenKey key)
{
    /// <summary>The receipt hash of a typed code that some ballot or opinion holds.</summary>
    public async Task<(ReceiptFind Find, string? Hash)> FindAsync(string? typed, CancellationToken ct = default)
    {
        if (ReceiptCodes.Normalize(typed) is not { } normal)
        {
            return (ReceiptFind.Malformed, null);
        }
        var hash = await key.HashAsync(normal, ct);
        // Every table every time, so a hit in one costs the same as a miss in all.
        var inOpinions = await db.Opinions.AnyAsync(o => o.ReceiptHash == hash, ct);
        var inBallots = await db.Ballots.AnyAsync(b => b.ReceiptHash == hash, ct);
        var inObjections = await db.Objections.AnyAsync(o => o.ReceiptHash == hash, ct);
        return inOpinions || inBallots || inObjections ? (ReceiptFind.Found, hash) : (ReceiptFind.Unknown, null);
    }

    public async Task<ReceiptView> LoadAsync(string hash, CancellationToken ct = default)
    {
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.ReceiptHash == hash)
            .GroupBy(b => b.CampaignId)
            .Select(g => new { CampaignId = g.Key, Total = g.Count(), Counted = g.Count(b => b.ExclusionId == null) })
            .ToListAsync(ct);
        var campaignIds = ballots.Select(b => b.CampaignId).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var own = await db.Opinions.AsNoTracking().Where(o => o.ReceiptHash == hash).ToListAsync(ct);
        var targetIds = own.Where(o => o.MergedIntoId is not null).Select(o => o.MergedIntoId!.Value).Distinct().ToList();
        var targets = await db.Opinions.AsNoTracking().Where(o => targetIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ProblemId, o.Reply, o.RepliedOn }).ToDictionaryAsync(o => o.Id, ct);
        int? ProblemOf(Opinion o) => o.ProblemId ?? (o.MergedIntoId is { } t && targets.TryGetValue(t, out var target) ? target.ProblemId : null);
        var problemIds = own.Select(ProblemOf).OfType<int>().Distinct().ToList();
        var problems = await db.Problems.AsNoTracking().Where(p => problemIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Reply,
                p.RepliedOn,
                Measures = p.Measures.Count,
                Verified = p.Measures.Count(m => m.State == MeasureState.Verified),
            })
            .ToDictionaryAsync(p => p.Id, ct);

        var opinions = own.Select(o =>
        {
            var problem = ProblemOf(o) is { } pid && problems.TryGetValue(pid, out var p) ? p : null;
            var target = o.MergedIntoId is { } t && targets.TryGetValue(t, out var m) ? m : null;
            // A problem's reply is the handling result; a direct answer stands for an opinion that is no problem.
            var (reply, on) = problem?.Reply is not null ? (problem.Reply, problem.RepliedOn)
                : o.Reply is not null ? (o.Reply, o.RepliedOn)
                : (target?.Reply, target?.RepliedOn);
            return new ReceiptOpinion(o.Id, o.Text, o.ReceivedOn, reply, on, problem?.Verified ?? 0, problem?.Measures ?? 0, o.ReRating);
        }).OrderBy(o => o.ReceivedOn).ThenBy(o => o.Text, StringComparer.Ordinal).ToList();

        var objections = (await db.Objections.AsNoTracking().Where(o => o.ReceiptHash == hash)
                .Select(o => new ReceiptObjection(o.Text, o.ReceivedOn, o.State, o.Answer, o.AnsweredOn)).ToListAsync(ct))
            .OrderBy(o => o.ReceivedOn).ThenBy(o => o.Text, StringComparer.Ordinal).ToList();

        return new ReceiptView(
            ballots.Select(b => new ReceiptBallots(campaigns.GetValueOrDefault(b.CampaignId, ""), b.Total, b.Counted))
                .OrderBy(b => b.CampaignName, StringComparer.Ordinal).ToList(),
            opinions, objections);
    }

    /// <summary>Stores the holder's re-rating of one of their own replied opinions; a later one replaces it.</summary>
    public async Task<RateOutcome> RateAsync(string hash, Guid opinionId, ReRating rating, DateOnly today, CancellationToken ct = default)
    {
        var opinion = await db.Opinions.FirstOrDefaultAsync(o => o.Id == opinionId && o.ReceiptHash == hash, ct);
        if (opinion is null)
        {
            return RateOutcome.NotYours;
        }
        var view = (await LoadAsync(hash, ct)).Opinions.Single(o => o.Id == opinionId);
        if (!view.Replied)
        {
            return RateOutcome.NotReplied;
        }
        opinion.ReRating = rating;
        opinion.ReRatedOn = today;
        await db.SaveChangesAsync(ct);
        return RateOutcome.Rated;
    }
}
