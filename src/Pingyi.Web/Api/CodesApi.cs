using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

public sealed record IssueCodesRequest(int RaterGroupId, int Count);

public sealed record CodeBatchDto(int Id, int CampaignId, int RaterGroupId, string RaterGroupName, int Count, int Generated,
    string State, string StateName, DateTime CreatedUtc, DateTime? PurgedUtc, bool CodesAvailable);

public sealed record CodeDto(string Link, string ShortCode);

public sealed record CodeCountsDto(int RaterGroupId, string RaterGroupName, int Planned, int Issued, int Used, int Void, int Remaining);

/// <summary>
/// 评议码 for the systems around Pingyi: a HIS issues codes for discharged patients, waits for
/// the batch, fetches the links and short codes to send by SMS, and reads the counts. Scope as on
/// the pages: a campaign or batch outside the caller's subtree answers 404.
/// </summary>
public static class CodesApi
{
    public static void MapCodesApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("").WithTags("评议码");

        api.MapPost("/campaigns/{id:int}/codes", async Task<Results<Accepted<CodeBatchDto>, NotFound, ValidationProblem>> (
            int id, IssueCodesRequest request, TokenIssuer issuer) =>
        {
            var result = await issuer.IssueAsync(id, request.RaterGroupId, request.Count);
            if (result.NotFound)
            {
                return TypedResults.NotFound();
            }
            if (result.Error is { } error)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [error] }, title: error);
            }
            var (batch, _) = await issuer.FindAsync(result.Id!.Value);
            return TypedResults.Accepted($"/api/code-batches/{batch!.Id}", ToDto(batch));
        }).WithSummary("为评议活动的一个评议人类别生成评议码（后台生成，返回批次）")
          .WithDescription($"count 为1到{TokenBatch.MaxCount}；只有草稿或进行中的活动可以生成。返回202和批次编号；" +
            "用 GET /api/code-batches/{id} 查看进度，state 为 Ready 后用 GET /api/code-batches/{id}/codes 取评议链接和短码。");

        api.MapGet("/code-batches/{id:int}", async Task<Results<Ok<CodeBatchDto>, NotFound>> (int id, TokenIssuer issuer) =>
            await issuer.FindAsync(id) is ({ } batch, not null) ? TypedResults.Ok(ToDto(batch)) : TypedResults.NotFound())
            .WithSummary("评议码批次的状态和生成进度（generated / count）");

        api.MapGet("/code-batches/{id:int}/codes", async Task<Results<Ok<List<CodeDto>>, NotFound, ProblemHttpResult>> (
            int id, TokenIssuer issuer, HttpRequest http) =>
        {
            if (await issuer.FindAsync(id) is not ({ } batch, { } campaign))
            {
                return TypedResults.NotFound();
            }
            var (codes, refusal) = await issuer.DiscloseAsync(batch, campaign, "通过API取得");
            if (codes is null)
            {
                return TypedResults.Problem(title: refusal, statusCode: StatusCodes.Status409Conflict);
            }
            return TypedResults.Ok(codes.Select(c => new CodeDto(BatchCodes.Link(http, c.Long), c.ShortFormatted)).ToList());
        }).WithSummary("一批评议码的评议链接和短码（供短信或HIS发送；明文清除后不再提供）")
          .WithDescription($"明文在生成{TokenIssuer.PlainCodesKeptFor.Days}天后或管理员清除后不再提供（409）。每次读取都记入审计日志。");

        api.MapGet("/campaigns/{id:int}/codes/counts", async Task<Results<Ok<List<CodeCountsDto>>, NotFound>> (
            int id, OrgScope scope, TokenIssuer issuer) =>
        {
            if (await scope.FindCampaignAsync(id) is null)
            {
                return TypedResults.NotFound();
            }
            var counts = await issuer.CountsAsync(id);
            return TypedResults.Ok(counts.Select(c => new CodeCountsDto(c.RaterGroupId, c.Name, c.Planned, c.Issued, c.Used, c.Void, c.Remaining)).ToList());
        }).WithSummary("各评议人类别的评议码数：已发放（不含作废）、已使用、已作废、未使用，以及名额");
    }

    private static CodeBatchDto ToDto(BatchView b) =>
        new(b.Id, b.CampaignId, b.RaterGroupId, b.RaterGroupName, b.Count, b.Generated, b.State.ToString(), CodeLabels.Of(b.State),
            b.CreatedUtc, b.PurgedUtc, b.IsPrintable);
}
