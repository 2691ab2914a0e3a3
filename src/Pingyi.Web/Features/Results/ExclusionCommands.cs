using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>One subject's grade answers on a flagged ballot, as labels (满意、基本满意…).</summary>
public sealed record SubjectGrades(string Subject, IReadOnlyList<string> Grades);

/// <summary>
/// A flagged ballot as the review list shows it: no receipt, no time, only the rater group, the
/// channel, the day and the grades. <see cref="Id"/> goes to the page only as an opaque form value.
/// </summary>
public sealed record FlaggedBallot(Guid Id, string Group, string Channel, DateOnly SubmittedOn, BallotFlags Flags, IReadOnlyList<SubjectGrades> Answers);

/// <summary>The suspicious ballots of one campaign: counts by kind, the flagged ballots still counted, the exclusions.</summary>
public sealed record ExclusionSheet(
    Campaign Campaign,
    int StraightLine,
    int Burst,
    int Flagged,
    int Excluded,
    IReadOnlyList<FlaggedBallot> Ballots,
    IReadOnlyList<BallotExclusion> Exclusions);

/// <summary>Which ballots to exclude: the chosen ids, or (<see cref="AllOfKind"/>) every flagged ballot of that kind still counted.</summary>
public sealed record ExclusionInput(IReadOnlyList<Guid> BallotIds, BallotFlags? AllOfKind, string? Reason);

/// <summary>
/// Leaving flagged ballots out of the results, and taking them back in. Only a system administrator
/// or an administrator of the organisation running the campaign (or above it) may: the campaign is
/// looked up in its own scope (OrgScope.FindCampaignAsync), not in the scopes it reaches. Only
/// flagged ballots of the campaign that are still counted can be excluded; any other id refuses
/// the whole request. The exclusion row, the ballots' ExclusionId and the running aggregates move
/// in one transaction. Audit rows name the exclusion and counts, never a ballot.
/// </summary>
public sealed class ExclusionCommands(AppDbContext db, OrgScope scope, AuditLog audit, ResultsCache cache, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>The review list shows at most this many ballots; "all of a kind" reaches the rest.</summary>
    public const int MaxShown = 200;

    public static readonly IReadOnlyDictionary<BallotChannel, string> Channels = new Dictionary<BallotChannel, string>
    {
        [BallotChannel.Online] = "评议码",
        [BallotChannel.Paper] = "纸质测评表",
        [BallotChannel.Standing] = "平时评议扫码",
    };

    public static readonly IReadOnlyDictionary<BallotFlags, string> Kinds = new Dictionary<BallotFlags, string>
    {
        [BallotFlags.StraightLine] = "答案完全一致",
        [BallotFlags.Burst] = "短时间内大量相同",
    };

    public static string KindsOf(BallotFlags flags) =>
        string.Join("、", Kinds.Where(k => flags.HasFlag(k.Key)).Select(k => k.Value));

    public async Task<ExclusionSheet?> FindAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await scope.FindCampaignAsync(campaignId);
        if (campaign is null)
        {
            return null;
        }
        var counts = await db.Ballots.AsNoTracking().Where(b => b.CampaignId == campaignId && b.Flags != BallotFlags.None)
            .GroupBy(b => new { b.Flags, Excluded = b.ExclusionId != null })
            .Select(g => new { g.Key.Flags, g.Key.Excluded, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ballots = await db.Ballots.AsNoTracking()
            .Where(b => b.CampaignId == campaignId && b.Flags != BallotFlags.None && b.ExclusionId == null)
            .OrderBy(b => b.Id).Take(MaxShown)
            .Select(b => new { b.Id, b.RaterGroupId, b.Channel, b.SubmittedOn, b.Flags, b.FormVersionId })
            .ToListAsync(cancellationToken);
        var exclusions = await db.BallotExclusions.AsNoTracking().Where(e => e.CampaignId == campaignId)
            .OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return new ExclusionSheet(
            campaign,
            counts.Where(c => !c.Excluded && c.Flags.HasFlag(BallotFlags.StraightLine)).Sum(c => c.Count),
            counts.Where(c => !c.Excluded && c.Flags.HasFlag(BallotFlags.Burst)).Sum(c => c.Count),
            counts.Where(c => !c.Excluded).Sum(c => c.Count),
            counts.Where(c => c.Excluded).Sum(c => c.Count),
            await DescribeAsync(campaignId, [.. ballots.Select(b => (b.Id, b.RaterGroupId, b.Channel, b.SubmittedOn, b.Flags))], cancellationToken),
            exclusions);
    }

    public async Task<CommandResult> ExcludeAsync(int campaignId, ExclusionInput input)
    {
        var campaign = await scope.FindCampaignAsync(campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            return CommandResult.Fail("请填写排除的理由。");
        }
        if (reason.Length > BallotExclusion.ReasonMaxLength)
        {
            return CommandResult.Fail($"理由不能超过{BallotExclusion.ReasonMaxLength}字。");
        }
        if (input.AllOfKind is { } kind && !Kinds.ContainsKey(kind))
        {
            return CommandResult.Fail("请选择要排除的可疑类型。");
        }
        var ids = input.BallotIds.Distinct().ToList();
        if (input.AllOfKind is null && ids.Count == 0)
        {
            return CommandResult.Fail("请选择要排除的测评票。");
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var candidates = db.Ballots.AsNoTracking()
            .Where(b => b.CampaignId == campaignId && b.Flags != BallotFlags.None && b.ExclusionId == null);
        candidates = input.AllOfKind is { } k
            ? candidates.Where(b => (b.Flags & k) == k)
            : candidates.Where(b => ids.Contains(b.Id));
        var ballots = await candidates.Include(b => b.Answers).ToListAsync();
        if (input.AllOfKind is null && ballots.Count != ids.Count)
        {
            return CommandResult.Fail("所选测评票中有不属于本活动、未被标记为可疑或已被排除的，没有排除任何测评票。请刷新后重新选择。");
        }
        if (ballots.Count == 0)
        {
            return CommandResult.Fail("没有可以排除的该类可疑测评票。");
        }
        var exclusion = new BallotExclusion
        {
            CampaignId = campaignId,
            Reason = reason,
            BallotCount = ballots.Count,
            CreatedBy = http.UserName(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.BallotExclusions.Add(exclusion);
        await db.SaveChangesAsync();
        var chosen = ballots.Select(b => b.Id).ToList();
        // Conditional, so that two administrators excluding the same ballot cannot take it out of the figures twice.
        var marked = await db.Ballots.Where(b => chosen.Contains(b.Id) && b.ExclusionId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ExclusionId, exclusion.Id));
        if (marked != chosen.Count)
        {
            return CommandResult.Fail("其中有测评票刚被其他管理员排除，没有排除任何测评票。请刷新后重试。");
        }
        await BallotBatchSql.AddToResultsAsync(db, ballots, -1);
        audit.Add(AuditActions.BallotExclude, AuditOutcome.Success, "BallotExclusion", Id(exclusion.Id),
            $"{campaign.Name}：排除可疑测评票{ballots.Count}张（{Tally(ballots)}），理由：{reason}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        cache.Forget(campaignId);
        return CommandResult.Ok(exclusion.Id);
    }

    /// <summary>The exclusion's ballots count again: aggregates restored exactly, the exclusion kept with its withdrawal time.</summary>
    public async Task<CommandResult> WithdrawAsync(int campaignId, int exclusionId)
    {
        var campaign = await scope.FindCampaignAsync(campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var exclusion = await db.BallotExclusions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == exclusionId && e.CampaignId == campaignId);
        if (exclusion is null)
        {
            await tx.RollbackAsync();
            await scope.DenyAsync("BallotExclusion", exclusionId);
            return CommandResult.Missing;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // The conditional update also serialises two withdrawals of the same exclusion: the second finds it withdrawn.
        if (await db.BallotExclusions.Where(e => e.Id == exclusionId && e.WithdrawnUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.WithdrawnUtc, now)) != 1)
        {
            return CommandResult.Fail("这次排除已经撤销。");
        }
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Answers).Where(b => b.ExclusionId == exclusionId).ToListAsync();
        await db.Ballots.Where(b => b.ExclusionId == exclusionId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ExclusionId, (int?)null));
        await BallotBatchSql.AddToResultsAsync(db, ballots, 1);
        // Adding counts a ballot as if it had just arrived (flagged +1, excluded unchanged); these were
        // flagged all along and are now no longer excluded.
        await BallotBatchSql.UpsertBallotCountsAsync(db, [.. ballots
            .GroupBy(b => (b.CampaignId, b.AssignmentId))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key.CampaignId, g.Key.AssignmentId, 0L, -g.LongCount(b => b.Flags != BallotFlags.None), -g.LongCount()))]);
        audit.Add(AuditActions.BallotExclusionWithdraw, AuditOutcome.Success, "BallotExclusion", Id(exclusionId),
            $"{campaign.Name}：撤销第{exclusionId}号排除，{ballots.Count}张测评票重新计入结果");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        cache.Forget(campaignId);
        return CommandResult.Ok(exclusionId);
    }

    private static string Tally(IReadOnlyList<Ballot> ballots) =>
        string.Join("，", Kinds.Select(k => $"{k.Value}{ballots.Count(b => b.Flags.HasFlag(k.Key))}张"));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<FlaggedBallot>> DescribeAsync(int campaignId,
        IReadOnlyList<(Guid Id, int GroupId, BallotChannel Channel, DateOnly SubmittedOn, BallotFlags Flags)> ballots,
        CancellationToken cancellationToken)
    {
        if (ballots.Count == 0)
        {
            return [];
        }
        var ids = ballots.Select(b => b.Id).ToList();
        var answers = (await db.BallotAnswers.AsNoTracking().Where(a => ids.Contains(a.BallotId) && a.Value != null)
                .Select(a => new { a.BallotId, a.SubjectId, a.ItemId, a.Value }).ToListAsync(cancellationToken))
            .ToLookup(a => a.BallotId);
        var itemIds = answers.SelectMany(g => g).Select(a => a.ItemId).Distinct().ToList();
        var items = await db.FormItems.AsNoTracking().Where(i => itemIds.Contains(i.Id) && i.Kind == ItemKind.Grade)
            .Select(i => new { i.Id, i.Scale, i.Position }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var groups = await db.RaterGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var subjects = await db.CampaignSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Select(s => new { s.Id, Name = s.Member != null ? s.Member.Name : s.Organization!.Name })
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return [.. ballots.Select(b => new FlaggedBallot(
            b.Id,
            groups.GetValueOrDefault(b.GroupId, ""),
            Channels.GetValueOrDefault(b.Channel, ""),
            b.SubmittedOn,
            b.Flags,
            [.. answers[b.Id]
                .Where(a => items.ContainsKey(a.ItemId))
                .GroupBy(a => a.SubjectId)
                .OrderBy(g => g.Key)
                .Select(g => new SubjectGrades(
                    subjects.GetValueOrDefault(g.Key, ""),
                    [.. g.OrderBy(a => items[a.ItemId].Position).ThenBy(a => a.ItemId)
                        .Select(a => GradeScales.Of(items[a.ItemId].Scale).FirstOrDefault(l => l.Value == a.Value)?.Label ?? "—")]))]))];
    }
}
