using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

public sealed record SubmitBallotRequest(string? Code, List<BallotAnswerRequest>? Answers);

/// <summary>One answer: values are option numbers, a grade level or a score as text, or the text of a free-text item.</summary>
public sealed record BallotAnswerRequest(int SubjectId, string? ItemKey, List<string>? Values);

public sealed record BallotReceiptDto(string Receipt);

/// <summary>
/// Submitting a ballot by code on a rater's behalf, for kiosks and HIS integrations. The caller is
/// an administrator or an API key, and the code's campaign must lie in its scope. Nothing about the
/// submission is audited or logged: a record of who submitted when could be joined to the ballot.
/// </summary>
public static class BallotsApi
{
    public const string UnknownCode = "评议码无效，请核对后重试。";
    public const string UsedCode = "该评议码已使用，评议已提交，不能重复提交。";
    public const string VoidCode = "该评议码已作废。";
    public const string ClosedCampaign = "评议活动已结束或不在评议期内，不再接收评议。";
    public const string SaveFailed = "保存失败，请重试。";

    private const int MaxAnswers = 20_000;

    public static void MapBallotsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/ballots", SubmitAsync).WithTags("测评票")
            .WithSummary("凭评议码代评议人提交测评票（自助机、HIS 集成）")
            .WithDescription("code 为长码或短码（可含连字符）；answers[].subjectId 为评议对象编号，itemKey 为评议项目的 key，" +
                "values 为所选等级、分数或选项序号（多选可多个），意见建议题为文字。成功返回回执码；评议码已使用答 409，活动已结束答 410，" +
                "评议码无效答 404，答案不合规答 400 并逐项说明。");
    }

    private static async Task<Results<Created<BallotReceiptDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmitBallotRequest? request, BallotBuilder builder, IBallotWriter writer, OrgScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Code))
        {
            return Invalid("code", "请提供评议码。");
        }
        if (ReadAnswers(request.Answers) is not { } raw)
        {
            return Invalid("answers", $"answers 不正确：每项须有 subjectId、itemKey 和 values，同一对象的同一项目只能出现一次，最多{MaxAnswers}项。");
        }
        if (await builder.CodeHashAsync(request.Code, cancellationToken) is not { } hash)
        {
            return Invalid("code", "评议码格式不正确或校验位不符，请核对后重新输入。");
        }
        var today = CampaignPlan.Today(clock);
        var admission = await builder.AdmitAsync(hash, today, cancellationToken);
        if (admission is null)
        {
            return Problem(UnknownCode, StatusCodes.Status404NotFound);
        }
        if (await scope.PathAsync() is not { } path || !OrganizationTree.IsWithin(admission.OrganizationPath, path))
        {
            await scope.DenyAsync("Campaign", admission.Campaign.Id);
            return Problem(UnknownCode, StatusCodes.Status404NotFound);
        }
        switch (admission.State)
        {
            case AdmissionState.Used:
                return Problem(UsedCode, StatusCodes.Status409Conflict);
            case AdmissionState.Voided:
                return Problem(VoidCode, StatusCodes.Status409Conflict);
            case AdmissionState.Closed:
                return Gone();
        }
        var build = await builder.BuildAsync(admission, raw, today, cancellationToken);
        if (!build.IsValid)
        {
            return TypedResults.ValidationProblem(Errors(admission, build), title: build.General.FirstOrDefault() ?? "答案不符合测评表的要求，请逐项检查。");
        }
        SubmitOutcome outcome;
        try
        {
            outcome = await writer.SubmitAsync(build.Submission!, CancellationToken.None);
        }
        catch (Exception)
        {
            // The writer has logged the failure; its transaction rolled back, so nothing is stored.
            return Problem(SaveFailed, StatusCodes.Status503ServiceUnavailable);
        }
        return outcome switch
        {
            SubmitOutcome.Stored => TypedResults.Created((string?)null, new BallotReceiptDto(build.Receipt!)),
            SubmitOutcome.AlreadyUsed => Problem(UsedCode, StatusCodes.Status409Conflict),
            _ => Gone(),
        };
    }

    private static ProblemHttpResult Gone() => Problem(ClosedCampaign, StatusCodes.Status410Gone);

    private static ProblemHttpResult Problem(string title, int status) => TypedResults.Problem(title: title, statusCode: status);

    private static RawAnswers? ReadAnswers(List<BallotAnswerRequest>? answers)
    {
        var raw = new RawAnswers();
        if (answers is null || answers.Count > MaxAnswers)
        {
            return answers is null ? raw : null;
        }
        foreach (var a in answers)
        {
            if (a is null || string.IsNullOrWhiteSpace(a.ItemKey) || a.ItemKey.Length > FormItem.KeyLength ||
                !raw.TryAdd((a.SubjectId, a.ItemKey), (a.Values ?? []).Select(v => v ?? "").ToList()))
            {
                return null;
            }
        }
        return raw;
    }

    private static Dictionary<string, string[]> Errors(TokenAdmission admission, BallotBuild build)
    {
        var subjects = admission.Assignments.SelectMany(a => a.Subjects).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        var items = admission.Assignments.SelectMany(a => a.FormVersion!.Items).DistinctBy(i => i.Key).ToDictionary(i => i.Key);
        var errors = build.Errors.ToDictionary(
            e => $"answers[{e.Key.SubjectId}].{e.Key.ItemKey}",
            e => new[] { $"{(subjects.TryGetValue(e.Key.SubjectId, out var s) ? CampaignRules.SubjectName(s) : "")}·{(items.TryGetValue(e.Key.ItemKey, out var i) ? i.Text : e.Key.ItemKey)}：{e.Value}" });
        if (build.General.Count > 0)
        {
            errors["answers"] = [.. build.General];
        }
        return errors;
    }

    private static ValidationProblem Invalid(string key, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [error] }, title: error);
}
