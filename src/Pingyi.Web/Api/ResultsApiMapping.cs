using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Api;

/// <summary>Turns a suppressed <see cref="CampaignResult"/> into the results API's shapes.</summary>
public static class ResultsApiMapping
{
    public const string RateUsed =
        "满意率 =（满意 + 基本满意，五级另加非常满意）÷ 有效回答；评议对象的满意率合计其全部等级题的回答，不含低可信类别（平时扫码）。" +
        "最高、最低、平均满意率取自显示满意率的评议对象，平均为各对象满意率的简单平均；pooled 为这些回答合在一起的满意率。";

    public static CampaignResultsDto Campaign(CampaignResult result, string campaignName, int? groupId)
    {
        var groupNames = result.Groups.ToDictionary(g => g.Id, g => g.Name);
        var ranks = result.Ranking.ToDictionary(r => r.SubjectId);
        var columns = result.GroupColumns.Where(c => groupId is null || c.Group.Id == groupId)
            .Select(c => new GroupColumnDto(Group(c.Group), Summary(c.Summary, result.K))).ToList();
        var subjects = result.Subjects
            .Where(s => groupId is null || s.Cell(groupId.Value) is not null)
            .Select(s => new SubjectRowDto(
                s.Subject.Id, s.Subject.Name, s.Subject.OrganizationId, s.Subject.MemberId,
                s.Overall.Figures?.Ballots, RateOf(s.Overall.Rate), StrictOf(s.Overall), Reason(s.Overall.Reason, result.K),
                PercentOf(s.Composite.Value), ranks.TryGetValue(s.Subject.Id, out var r) ? Rank(r) : null,
                [.. s.Cells.Where(c => groupId is null || c.RaterGroupId == groupId).Select(c => Cell(c, groupNames, result.K))]))
            .ToList();
        return new CampaignResultsDto(
            result.CampaignId, campaignName, result.K, result.ExcludedBallots, RateUsed, groupId,
            Summary(result.Summary, result.K),
            [.. columns.Where(c => !c.Group.LowerTrust)],
            [.. columns.Where(c => c.Group.LowerTrust)],
            [.. result.Directions.Select(d => new DirectionColumnDto(d.Direction, CampaignLabels.Of(d.Direction), Summary(d.Summary, result.K)))],
            subjects);
    }

    public static SubjectResultsDto Subject(CampaignResult result, SubjectResult subject, int? groupId)
    {
        var groupNames = result.Groups.ToDictionary(g => g.Id, g => g.Name);
        var rank = result.Ranking.FirstOrDefault(r => r.SubjectId == subject.Subject.Id);
        return new SubjectResultsDto(
            result.CampaignId, result.K, subject.Subject.Id, subject.Subject.Name, groupId,
            Block(subject.Overall, result.K),
            new CompositeDto(PercentOf(subject.Composite.Value),
                [.. subject.Composite.Parts.Select(p => new CompositePartDto(p.RaterGroupId, p.Weight, p.NormalisedWeight, RateOf(p.Rate)!))]),
            rank is null ? null : Rank(rank),
            [.. subject.Cells.Where(c => groupId is null || c.RaterGroupId == groupId)
                .Select(c => new GroupBlockDto(c.RaterGroupId, groupNames[c.RaterGroupId], c.Direction, c.IsLowerTrust, Block(c.Block, result.K)))],
            [.. subject.Directions.Select(d => new DirectionBlockDto(d.Direction, CampaignLabels.Of(d.Direction), Block(d.Block, result.K)))]);
    }

    /// <summary>A rate's percent as a number with one decimal, from the integers so it matches <see cref="RateFormat"/>.</summary>
    public static decimal Percent(Rate rate) => (rate.Numerator * 2000 + rate.N) / (rate.N * 2) / 10m;

    /// <summary>A fraction 0..1 as a percent with one decimal (through decimal, as <see cref="RateFormat"/> does).</summary>
    public static decimal Percent(double fraction) => Math.Round((decimal)fraction * 100m, 1, MidpointRounding.AwayFromZero);

    public static string? Reason(SuppressionReason reason, int k) =>
        reason == SuppressionReason.None ? null : SuppressionLabels.Of(reason, k);

    private static RateDto? RateOf(Rate? rate)
    {
        if (rate is not { N: > 0 } r)
        {
            return null;
        }
        var interval = r.Interval!.Value;
        return new RateDto(Percent(r), RateFormat.Percent(r), r.Numerator, r.N, Percent(interval.Low), Percent(interval.High), RateFormat.Interval(interval));
    }

    private static RateDto? StrictOf(ResultBlock block) => block.IsShown ? RateOf(block.Figures!.Strict) : null;

    private static PercentDto? PercentOf(double? fraction) =>
        fraction is { } f && !double.IsNaN(f) ? new PercentDto(Percent(f), RateFormat.Percent(f)) : null;

    private static RankDto Rank(RankedSubject r) => new(r.Position, r.BestRank, r.WorstRank, r.Label);

    private static GroupDto Group(GroupInfo g) =>
        new(g.Id, g.Name, g.Weight, g.PlannedCount, g.IsLowerTrust, g.IsLowerTrust ? CampaignResult.LowerTrustLabel : null);

    private static SummaryDto Summary(Summary s, int k) => new(
        s.Subjects, s.SubjectsShown,
        s.Highest is { } h ? new SubjectRateDto(h.SubjectId, h.Name, RateOf(h.Rate)!) : null,
        s.Lowest is { } l ? new SubjectRateDto(l.SubjectId, l.Name, RateOf(l.Rate)!) : null,
        PercentOf(s.Average),
        RateOf(s.Pooled.Rate),
        s.Pooled.Figures?.Ballots,
        Reason(s.Pooled.Reason, k));

    private static CellDto Cell(CellResult c, IReadOnlyDictionary<int, string> groupNames, int k) => new(
        c.RaterGroupId, groupNames[c.RaterGroupId], c.Direction, c.IsLowerTrust,
        c.Block.Figures?.Ballots, RateOf(c.Block.Rate), StrictOf(c.Block), Reason(c.Block.Reason, k));

    private static BlockDto Block(ResultBlock block, int k)
    {
        if (!block.IsShown)
        {
            return new BlockDto(null, null, null, null, null, [], Reason(block.Reason, k));
        }
        var f = block.Figures!;
        return new BlockDto(f.Ballots, RateOf(f.Rate), RateOf(f.Strict), f.WeightedScore, f.Opinions,
            [.. f.Items.Select(i => new ItemDto(
                i.Item.Id, i.Item.Key, i.Item.Text, i.Item.Kind, RateOf(i.Rate), RateOf(i.Strict),
                [.. i.Levels.Select(l => new LevelDto(l.Value, l.Label, l.Count))],
                i.Score is { } s ? new ScoreDto(s.N, s.Mean, s.MaxScore) : null,
                [.. i.Options.Select(o => new OptionDto(o.Option, o.Label, o.Count))],
                i.Opinions))],
            null);
    }
}
