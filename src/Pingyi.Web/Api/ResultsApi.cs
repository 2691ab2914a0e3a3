using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Api;

/// <summary>
/// 评议结果 for a superior platform: the campaign's figures and one subject's, over the subjects in
/// the caller's subtree only, with the same small-group suppression as the pages and exports. A
/// campaign not reaching the caller, a neighbour's subject or an unknown group answers 404.
/// </summary>
public static class ResultsApi
{
    public static void MapResultsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/campaigns/{id:int}").WithTags("评议结果");

        api.MapGet("/results", async Task<Results<Ok<CampaignResultsDto>, NotFound>> (
                int id, int? group, ResultsQuery query, CancellationToken cancellationToken) =>
            {
                if (await query.FindAsync(id, cancellationToken) is not { } found || !KnowsGroup(found, group))
                {
                    return TypedResults.NotFound();
                }
                var result = CampaignResults.Compute(found.Input, found.VisibleSubjectIds);
                return TypedResults.Ok(ResultsApiMapping.Campaign(result, found.Campaign.Name, group));
            })
            .WithSummary("评议活动的满意率：最高、最低、平均和合计满意率，各评议对象的满意率、95%区间和名次范围，各评议人类别和方向")
            .WithDescription("只含调用者管理范围内的评议对象，汇总也只按这些对象计算。percent 为百分数（保留一位小数），low/high 为95%威尔逊区间。" +
                "不足k份的（评议对象，评议人类别）格及可由合计推算出它的数字一律为 null，suppressed 说明原因（“少于k份”或“防推算”）。" +
                "lowerTrustGroups 为低可信类别（平时扫码），不计入任何合计。group 参数只列出该评议人类别的列和格。");

        api.MapGet("/results/subjects/{subjectId:int}", async Task<Results<Ok<SubjectResultsDto>, NotFound>> (
                int id, int subjectId, int? group, ResultsQuery query, CancellationToken cancellationToken) =>
            {
                if (await query.FindAsync(id, cancellationToken) is not { } found || !KnowsGroup(found, group)
                    || await query.FindSubjectAsync(found, subjectId) is null)
                {
                    return TypedResults.NotFound();
                }
                var result = CampaignResults.Compute(found.Input, found.VisibleSubjectIds);
                return TypedResults.Ok(ResultsApiMapping.Subject(result, result.Subject(subjectId)!, group));
            })
            .WithSummary("一个评议对象的满意率：分项、各评议人类别、各方向")
            .WithDescription("与活动结果相同的隐藏规则；管理范围外的评议对象返回404。");

        api.MapGet("/results.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (
                int id, ResultExports exports, CancellationToken cancellationToken) =>
            await exports.StatisticsAsync(id, cancellationToken) is { } file
                ? TypedResults.File(file.Bytes, ExportFile.ContentType, file.FileName)
                : TypedResults.NotFound())
            .WithSummary("下载统计结果（.xlsx）：汇总、评议对象、分项、评议人类别、方向");

        api.MapGet("/ballots.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (
                int id, ResultExports exports, CancellationToken cancellationToken) =>
            await exports.BallotsAsync(id, cancellationToken) is { } file
                ? TypedResults.File(file.Bytes, ExportFile.ContentType, file.FileName)
                : TypedResults.NotFound())
            .WithSummary("下载匿名测评票（.xlsx）：不含编号和回执码，不足k份或防推算的格不导出，已剔除的不导出");
    }

    private static bool KnowsGroup(ScopedResults found, int? group) =>
        group is not { } g || found.Input.Groups.Any(x => x.Id == g);
}
