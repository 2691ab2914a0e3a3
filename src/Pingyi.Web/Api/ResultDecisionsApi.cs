using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Api;

/// <summary>
/// What the results lead to: 民主评议党员 (the vote's proposals and the branch's final grades) and
/// the flags (软弱涣散 / 先进典型) with their evidence and year-on-year comparison. Scope as on the
/// pages: a campaign that does not reach the caller's subtree, or a branch or member outside it,
/// answers 404; figures hidden by the minimum group size stay hidden.
/// </summary>
public static class ResultDecisionsApi
{
    public static void MapResultDecisionsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/campaigns/{id:int}").WithTags("评议结果运用");

        api.MapGet("/member-grades", async Task<Results<Ok<MemberGradesDto>, NotFound>> (int id, GradeCommands commands, CancellationToken ct) =>
                await commands.FindAsync(id, ct) is { } sheet ? TypedResults.Ok(MemberGradesDto.Of(sheet)) : TypedResults.NotFound())
            .WithSummary("民主评议党员：管理范围内参评党员的评议建议等次（票数、优秀和合格票占比、优秀票占比及95%区间）和支部评定结果，按支部分组");

        api.MapPost("/member-grades", async Task<Results<Ok<MemberGradesDto>, NotFound, ValidationProblem>> (
            int id, MemberGradesRequest request, GradeCommands commands, CancellationToken ct) =>
        {
            var entries = new List<GradeEntry>();
            foreach (var g in request.Grades ?? [])
            {
                MemberGrade? grade = null;
                if (!string.IsNullOrWhiteSpace(g.Grade))
                {
                    if (!CampaignText.TryParseName<MemberGrade>(g.Grade, out var parsed))
                    {
                        return Invalid($"grade 不正确，应为{CampaignText.Names<MemberGrade>()}之一。");
                    }
                    grade = parsed;
                }
                entries.Add(new GradeEntry(g.SubjectId, grade, g.Reason));
            }
            var result = await commands.DecideAsync(id, request.BranchId ?? 0, entries);
            if (result.NotFound)
            {
                return TypedResults.NotFound();
            }
            if (result.Error is { } error)
            {
                return Invalid(error);
            }
            return TypedResults.Ok(MemberGradesDto.Of((await commands.FindAsync(id, ct))!));
        }).WithSummary("支部评定党员等次：一次提交本支部全部参评党员")
          .WithDescription("grades 须包含该支部（党员所在组织）的每一名参评党员，grade 取值 Excellent（优秀）、Qualified（合格）、" +
              "BasicallyQualified（基本合格）、Unqualified（不合格）。优秀不超过本支部参评党员的三分之一（向下取整）；不合格，或与评议建议不同的等次，" +
              "须填写 reason（≤500字）。只能在评议活动结束后评定；任何一项不符合时整批不保存。");

        api.MapGet("/flags", async Task<Results<Ok<FlagsDto>, NotFound>> (int id, FlagCommands commands, CancellationToken ct) =>
                await commands.FindAsync(id, ct) is { } sheet ? TypedResults.Ok(FlagsDto.Of(sheet)) : TypedResults.NotFound())
            .WithSummary("软弱涣散、先进典型：管理范围内组织的建议及依据、与以往评议活动的比较、已作出的认定");
    }

    private static ValidationProblem Invalid(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [error] }, title: error);
}

public sealed record MemberGradesRequest(int? BranchId, List<MemberGradeRequest>? Grades);

public sealed record MemberGradeRequest(int SubjectId, string? Grade, string? Reason);

/// <summary>A rate with its 95% Wilson interval; null where there are no valid answers.</summary>
public sealed record DecisionRateDto(long Numerator, long N, double Value, double Low, double High, string Text)
{
    public static DecisionRateDto? Of(Rate rate) => rate is { N: > 0, Value: { } v, Interval: { } i }
        ? new(rate.Numerator, rate.N, v, i.Low, i.High, rate.ToString())
        : null;
}

public sealed record MemberGradesDto(int CampaignId, int K, long ExcludedBallots, bool CanDecide, List<BranchGradesDto> Branches)
{
    public static MemberGradesDto Of(GradeSheet s) => new(s.Campaign.Id, s.K, s.ExcludedBallots, s.CanDecide,
        [.. s.Branches.Select(b => new BranchGradesDto(b.BranchId, b.BranchName, b.Members.Count, b.ExcellentCap,
            [.. b.Members.Select(MemberGradeDto.Of)]))]);
}

public sealed record BranchGradesDto(int BranchId, string Name, int Members, int ExcellentCap, List<MemberGradeDto> Grades);

/// <summary>Proposed is null (and the rates too) when ballots are too few or the figures are hidden; Basis says why.</summary>
public sealed record MemberGradeDto(int SubjectId, string Name, long Ballots, DecisionRateDto? Approval, DecisionRateDto? Top,
    string? Proposed, string? ProposedLabel, string Basis, GradeDecisionDto? Decision)
{
    public static MemberGradeDto Of(GradeRow r)
    {
        var p = r.Proposal;
        var d = r.Decision;
        return new(p.SubjectId, p.Name, p.Ballots, DecisionRateDto.Of(p.Approval), DecisionRateDto.Of(p.Top),
            p.Proposed?.ToString(), p.Proposed is { } g ? MemberGrades.LabelOf(g) : null, p.Basis,
            d is null ? null : new GradeDecisionDto(d.FinalGrade.ToString(), MemberGrades.LabelOf(d.FinalGrade),
                d.ProposedGrade?.ToString(), d.Reason, d.DecidedBy, d.DecidedUtc));
    }
}

public sealed record GradeDecisionDto(string Final, string FinalLabel, string? ProposedWhenDecided, string? Reason, string DecidedBy, DateTime DecidedUtc);

public sealed record FlagsDto(int CampaignId, int K, long ExcludedBallots, double? Average, bool CanDecide, List<FlagRowDto> Organizations)
{
    public static FlagsDto Of(FlagSheet s) => new(s.Campaign.Id, s.K, s.ExcludedBallots, s.Average, s.CanDecide,
        [.. s.Rows.Select(r => new FlagRowDto(r.SubjectId, r.OrganizationId, r.Name, r.Rate is { } rate ? DecisionRateDto.Of(rate) : null,
            [.. r.Proposals.Select(p => new FlagProposalDto(p.Kind.ToString(), FlagRules.Labels[p.Kind], [.. p.Evidence]))],
            [.. r.Years.Select(y => new YearOnYearDto(y.Past.CampaignName, y.Past.Year, DecisionRateDto.Of(y.Past.Rate)!,
                y.Trend.ToString(), FlagRules.TrendLabels[y.Trend], y.Evidence))],
            [.. r.Decisions.Select(d => new FlagDecisionDto(d.Kind.ToString(), FlagRules.Labels[(FlagKind)d.Kind], d.State.ToString(),
                d.IsManual, d.Evidence, d.Reason, d.DecidedBy, d.DecidedUtc))]))]);
}

public sealed record FlagRowDto(int SubjectId, int OrganizationId, string Name, DecisionRateDto? Rate, List<FlagProposalDto> Proposals,
    List<YearOnYearDto> YearOnYear, List<FlagDecisionDto> Decisions);

public sealed record FlagProposalDto(string Kind, string Label, List<string> Evidence);

public sealed record YearOnYearDto(string Campaign, int Year, DecisionRateDto Rate, string Trend, string TrendLabel, string Evidence);

public sealed record FlagDecisionDto(string Kind, string Label, string State, bool IsManual, string Evidence, string? Reason,
    string DecidedBy, DateTime DecidedUtc);
