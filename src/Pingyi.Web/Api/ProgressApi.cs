using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Api;

/// <summary>
/// 评议进度 for a superior platform or a dashboard: the same counts as the progress page. A campaign
/// outside the caller's subtree answers 404.
/// </summary>
public static class ProgressApi
{
    public static void MapProgressApi(this RouteGroupBuilder group)
    {
        group.MapGet("/campaigns/{id:int}/progress", async Task<Results<Ok<CampaignProgress>, NotFound>> (
                int id, ProgressQuery query, CancellationToken cancellationToken) =>
            await query.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found.Progress) : TypedResults.NotFound())
            .WithTags("评议进度")
            .WithSummary("评议进度：各类评议人的名额、已评议人数、参评率和评议码发放、使用、作废数，各评议对象收到的测评票数")
            .WithDescription("参评率 = 已评议人数 ÷ 名额，百分数保留一位小数（responseRate 为数值，responseRateText 为显示文字），超过100%时 overPlan 为 true（超出名额）。" +
                "raters 为已评议人数：一位评议人对本类别的每项评议安排各交一张测评票，ballots 为测评票张数。" +
                "subjects[].groups 只列出评议该对象的评议人类别。这里只有参评人数，不含评议结果。");
    }
}
