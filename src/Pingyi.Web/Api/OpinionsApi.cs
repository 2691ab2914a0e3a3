using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

/// <summary>
/// Opinions (意见建议) for a hotline or letters system: push one, list them, read one. Scope as on
/// the pages: an organisation, campaign or opinion outside the caller's subtree answers 404;
/// invalid input 400 with a Chinese message and nothing stored. A receipt asked for is returned
/// once, in the 201 answer, and never stored in clear.
/// </summary>
public static class OpinionsApi
{
    public static void MapOpinionsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/opinions").WithTags("意见建议");

        api.MapGet("", async Task<Results<Ok<OpinionListDto>, NotFound, ValidationProblem>> (
            int? campaignId, int? organizationId, string? state, int? page, OrgScope scope, OpinionQuery query, CancellationToken ct) =>
        {
            OpinionState? parsed = null;
            if (!string.IsNullOrWhiteSpace(state))
            {
                if (!CampaignText.TryParseName<OpinionState>(state, out var s))
                {
                    return Invalid($"state 不正确，应为{CampaignText.Names<OpinionState>()}之一。");
                }
                parsed = s;
            }
            if (campaignId is { } c && !await (await scope.CampaignsReachingAsync()).AnyAsync(x => x.Id == c, ct))
            {
                await scope.DenyAsync("Campaign", c);
                return TypedResults.NotFound();
            }
            if (organizationId is { } o && await scope.FindOrganizationAsync(o) is null)
            {
                return TypedResults.NotFound();
            }
            var result = await query.ListAsync(new OpinionFilter(campaignId, organizationId, State: parsed), page ?? 1, ct: ct);
            return TypedResults.Ok(new OpinionListDto(result.Total, result.Page, result.PageSize, result.Rows.Select(OpinionDto.Of).ToList()));
        }).WithSummary("意见建议列表（涉及组织在管理范围内的；可按 campaignId、organizationId、state 筛选；每页50条，page 从1开始）")
          .WithDescription("state 取值：Pending（待处理）、Problem（已转问题）、Merged（已合并）、Replied（已答复）。");

        api.MapGet("/{id:guid}", async Task<Results<Ok<OpinionDto>, NotFound>> (Guid id, OrgScope scope, OpinionQuery query, CancellationToken ct) =>
            await scope.FindOpinionAsync(id) is { } opinion
                ? TypedResults.Ok(OpinionDto.Of((await query.RowsAsync([opinion], ct))[0]))
                : TypedResults.NotFound())
            .WithSummary("一条意见建议");

        api.MapPost("", async Task<Results<Created<OpinionCreatedDto>, NotFound, ValidationProblem>> (
            OpinionRequest request, AppDbContext db, OpinionCommands commands, CancellationToken ct) =>
        {
            if (!CampaignText.TryParseName<OpinionSource>(request.Source, out var source) || !OpinionLabels.StaffSources.Contains(source))
            {
                return Invalid($"source 不正确，应为{string.Join("、", OpinionLabels.StaffSources)}之一。");
            }
            if (request.OrganizationId is not { } organizationId)
            {
                return Invalid("请提供意见涉及的组织（organizationId）。");
            }
            int? categoryId = null;
            if (!string.IsNullOrWhiteSpace(request.Category))
            {
                var name = request.Category.Trim();
                categoryId = await db.OpinionCategories.Where(c => c.Name == name && c.IsActive).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
                if (categoryId is null)
                {
                    return Invalid($"意见类别“{name}”不存在或已停用。");
                }
            }
            if ((CampaignText.ParseDate(request.ReceivedOn, "收到日期（receivedOn）", out var receivedOn)
                ?? (string.IsNullOrWhiteSpace(request.ReceivedOn) ? "请提供收到日期（receivedOn）。" : null)) is { } dateError)
            {
                return Invalid(dateError);
            }
            var result = await commands.CreateAsync(new OpinionInput(source, organizationId, request.CampaignId, null, categoryId,
                request.Text, receivedOn, request.SourceNote, request.IssueReceipt ?? false));
            if (result.NotFound)
            {
                return TypedResults.NotFound();
            }
            if (result.Error is { } error)
            {
                return Invalid(error);
            }
            return TypedResults.Created($"/api/opinions/{result.Id}", new OpinionCreatedDto(result.Id!.Value, result.Receipt));
        }).WithSummary("登记一条意见建议（来信、热线等系统推送）")
          .WithDescription("source 取值：Letter（来信）、Hotline（热线电话）、Meeting（评议会/座谈会）、Interview（个别访谈）、Visit（走访）；" +
            "receivedOn 格式 yyyy-MM-dd，不能晚于今天；category 为意见类别名称（可省略）；text 不超过2000字；sourceNote 不超过200字，不要填写提意见人的姓名。" +
            "issueReceipt 为 true 时返回回执码 receipt（只返回这一次），交给提意见的群众查询处理结果。");
    }

    private static ValidationProblem Invalid(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [error] }, title: error);
}

public sealed record OpinionRequest(string? Source, int? OrganizationId, int? CampaignId, string? Category, string? Text, string? ReceivedOn,
    string? SourceNote, bool? IssueReceipt);

public sealed record OpinionCreatedDto(Guid Id, string? Receipt);

public sealed record OpinionListDto(int Total, int Page, int PageSize, List<OpinionDto> Items);

public sealed record OpinionDto(Guid Id, string Source, int OrganizationId, string Organization, string? Category, string Text, string ReceivedOn,
    string State, int? ProblemId, Guid? MergedIntoId, string? Reply)
{
    public static OpinionDto Of(OpinionRow r) => new(r.Id, r.Source.ToString(), r.OrganizationId, r.OrganizationName, r.CategoryName, r.Text,
        CampaignText.Format(r.ReceivedOn), r.State.ToString(), r.ProblemId, r.MergedIntoId, r.Reply);
}
