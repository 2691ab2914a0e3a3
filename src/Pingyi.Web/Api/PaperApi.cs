using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Paper;

namespace Pingyi.Web.Api;

/// <summary>
/// One returned slip: serial (1..发放份数; a number or its text), void with its reason, and the
/// digits typed per "subjectId_itemKey" exactly as on the entry page.
/// </summary>
public sealed record PaperBallotRequest(JsonElement? Serial, bool Void, string? VoidReason, Dictionary<string, string?>? Answers);

public sealed record PaperTallyDto(int Issued, int Returned, int Valid, int Void, int Awaiting, int Remaining, bool Complete);

public sealed record PaperSavedDto(string Message, PaperTallyDto Tally);

public sealed record PaperStatusDto(PaperTallyDto Tally, IReadOnlyList<int> MismatchedSerials);

/// <summary>
/// Typing paper ballots through the API (e.g. from a scanning station), doing exactly what the
/// entry page does: the pass (first or second under double entry) follows from what is stored and
/// who calls. The meeting's host must lie in the caller's scope; otherwise 404.
/// </summary>
public static class PaperApi
{
    public static void MapPaperApi(this RouteGroupBuilder group)
    {
        group.MapPost("/meetings/{id:int}/paper-ballots", SaveAsync).WithTags("评议会")
            .WithSummary("录入一份纸质测评票")
            .WithDescription("serial 为测评表编号；answers 的键为“评议对象编号_评议项目key”，值为纸上所填：等级或选项的序号、分数，多选如 \"13\"，意见建议为文字。" +
                "void 为 true 时须有 voidReason。双人录入时第一次提交为第一遍，另一名录入员再提交为第二遍。录入内容有误答 400 并逐项说明；" +
                "编号已录入、已达回收份数、同一录入员录第二遍或评议活动不接收评议答 409。");
        group.MapGet("/meetings/{id:int}/paper-status", StatusAsync).WithTags("评议会")
            .WithSummary("纸质测评票的录入情况：有效、无效、待核对份数和两遍不一致的编号");
    }

    private static async Task<Results<Ok<PaperSavedDto>, ValidationProblem, ProblemHttpResult, NotFound>> SaveAsync(
        int id, PaperBallotRequest? request, PaperEntryService paper, CancellationToken cancellationToken)
    {
        if (await paper.OpenAsync(id, cancellationToken) is not { } sheet)
        {
            return TypedResults.NotFound();
        }
        if (request is null)
        {
            return TypedResults.Problem(title: "请提交测评票的编号和录入内容。", statusCode: StatusCodes.Status400BadRequest);
        }
        var serial = request.Serial switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            _ => null,
        };
        var answers = request.Answers ?? [];
        var result = await paper.SaveAsync(sheet, new PaperInput(serial, request.Void, request.VoidReason, answers), cancellationToken);
        if (result.Succeeded)
        {
            var tally = await paper.TallyAsync(sheet.Meeting);
            return TypedResults.Ok(new PaperSavedDto(result.Message + PaperRules.Describe(tally), Dto(tally)));
        }
        return result.Conflict
            ? TypedResults.Problem(title: result.Error, statusCode: StatusCodes.Status409Conflict)
            : TypedResults.ValidationProblem(result.FieldErrors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: result.Error);
    }

    private static async Task<Results<Ok<PaperStatusDto>, NotFound>> StatusAsync(int id, PaperEntryService paper, CancellationToken cancellationToken)
    {
        if (await paper.OpenAsync(id, cancellationToken) is not { } sheet)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new PaperStatusDto(Dto(await paper.TallyAsync(sheet.Meeting)), await paper.MismatchesAsync(sheet.Meeting)));
    }

    private static PaperTallyDto Dto(MeetingTally t) => new(t.Issued, t.Returned, t.Valid, t.Void, t.Awaiting, t.Remaining, t.IsComplete);
}
