using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Corrections;
using Pingyi.Web.Features.Loop.Oversight;

namespace Pingyi.Web.Api;

/// <summary>Loop figures, overdue measures and correction plans of the caller's subtree; an organisation or campaign outside it answers 404.</summary>
public static class LoopApi
{
    public static void MapLoopApi(this RouteGroupBuilder group)
    {
        group.MapGet("/loop/figures", async Task<Results<Ok<LoopFiguresDto>, NotFound>> (
                int? organizationId, int? campaignId, int? year, LoopFiguresQuery query) =>
            await query.LoadAsync(organizationId, campaignId, year) is { } view
                ? TypedResults.Ok(new LoopFiguresDto(view.OrganizationId, view.Name, view.CampaignId, view.Year, FiguresDto.Of(view.Total),
                    [.. view.Children.Select(c => new ChildFiguresDto(c.OrganizationId, c.Name, FiguresDto.Of(c.Figures)))]))
                : TypedResults.NotFound())
            .WithTags("整改闭环")
            .WithSummary("闭环指标：收集意见建议、查找问题、整改措施、逾期、按期完成率、整改用时中位数、答复率、整改满意率（含下级组织分列）")
            .WithDescription("organizationId 缺省为调用者管理范围的顶端组织。按期完成率 = 在期限内（含当日）验收的措施 ÷（已验收的措施 + 逾期未验收的措施）；" +
                "答复率 = 已答复的意见（本身、所属问题或被合并到的意见已答复）÷ 全部意见（合并的意见各自计数）；整改满意率 =（满意 + 基本满意）÷ 已评价。" +
                "没有可计算的数据时比率为 null，不是 0。");

        group.MapGet("/loop/overdue", async Task<Results<Ok<List<OverdueDto>>, NotFound>> (int? organizationId, OversightBoard board) =>
                await board.LoadAsync(organizationId) is { } view
                    ? TypedResults.Ok(view.Groups.SelectMany(g => g.Items).Where(i => i.IsOverdue)
                        .Select(i => new OverdueDto(i.MeasureId, i.ProblemId, i.ProblemTitle, i.Text, i.ResponsibleOrganizationId, i.ResponsibleName,
                            i.ResponsiblePerson, i.State.ToString(), CampaignText.Format(i.Deadline), i.DaysOverdue)).ToList())
                    : TypedResults.NotFound())
            .WithTags("整改闭环")
            .WithSummary("逾期未验收的整改措施（责任组织在管理范围内），daysOverdue 为逾期工作日数");

        group.MapGet("/corrections", async (CorrectionCommands commands) =>
                TypedResults.Ok((await commands.ListAsync()).Select(r => new CorrectionDto(r.Plan.Id, r.Plan.OrganizationId, r.OrganizationName,
                    r.Plan.ResponsibleOrganizationId, r.ResponsibleName, r.Plan.FlagId, r.Plan.CampaignId, r.Plan.Requirements,
                    CampaignText.Format(r.Plan.SetOn), CampaignText.Format(r.Plan.Deadline), r.Plan.State.ToString(), r.StateLabel, r.IsOverdue,
                    r.Plan.Report, r.Plan.Conclusion, r.Plan.SentBackCount)).ToList()))
            .WithTags("整改闭环")
            .WithSummary("限期改正（被整改组织或责任组织在管理范围内）");
    }
}

public sealed record LoopRateDto(long Numerator, long N, double Value, double Low, double High, string Text)
{
    public static LoopRateDto? Of(Rate? rate) => rate is { N: > 0 } r
        ? new LoopRateDto(r.Numerator, r.N, r.Value!.Value, r.Interval!.Value.Low, r.Interval.Value.High, r.ToString())
        : null;
}

public sealed record FiguresDto(
    int Opinions, Dictionary<string, int> OpinionsBySource, int Problems, int Measures, Dictionary<string, int> MeasuresByState,
    int Overdue, LoopRateDto? ClosedOnTime, double? MedianDaysToClose, double? MedianWorkingDaysToClose, LoopRateDto? Replied, LoopRateDto? Satisfaction)
{
    public static FiguresDto Of(LoopFigureSet f) => new(
        f.Opinions, f.OpinionsBySource.ToDictionary(p => p.Key.ToString(), p => p.Value), f.Problems, f.Measures,
        f.MeasuresByState.ToDictionary(p => p.Key.ToString(), p => p.Value), f.Overdue, LoopRateDto.Of(f.ClosedOnTime),
        f.MedianDaysToClose, f.MedianWorkingDaysToClose, LoopRateDto.Of(f.Replied), LoopRateDto.Of(f.Satisfaction));
}

public sealed record ChildFiguresDto(int OrganizationId, string Name, FiguresDto Figures);

public sealed record LoopFiguresDto(int? OrganizationId, string Name, int? CampaignId, int? Year, FiguresDto Total, List<ChildFiguresDto> Children);

public sealed record OverdueDto(
    int MeasureId, int ProblemId, string ProblemTitle, string Text, int ResponsibleOrganizationId, string ResponsibleName,
    string ResponsiblePerson, string State, string Deadline, int DaysOverdue);

public sealed record CorrectionDto(
    int Id, int OrganizationId, string OrganizationName, int ResponsibleOrganizationId, string ResponsibleName, int? FlagId, int? CampaignId,
    string Requirements, string SetOn, string Deadline, string State, string StateLabel, bool IsOverdue, string? Report, string? Conclusion,
    int SentBackCount);
