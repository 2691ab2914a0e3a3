using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

/// <summary>
/// Meetings (评议会) for the systems around Pingyi: list, read with the tally, record, change; and
/// the counts of a campaign. Scope as on the pages: a meeting, campaign or host organisation outside
/// the caller's subtree answers 404; invalid input 400 with Chinese messages and nothing stored.
/// </summary>
public static class MeetingsApi
{
    public static void MapMeetingsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/meetings").WithTags("评议会");

        api.MapGet("", async Task<Results<Ok<List<MeetingSummaryDto>>, NotFound>> (
            int? campaignId, MeetingCommands commands, MeetingCountsQuery query, CancellationToken ct) =>
        {
            if (campaignId is { } id && await commands.FindCampaignAsync(id) is null)
            {
                return TypedResults.NotFound();
            }
            var rows = await query.MeetingsAsync(campaignId, ct);
            return TypedResults.Ok(rows.Select(r => new MeetingSummaryDto(r.Id, r.CampaignId, r.Title, r.Kind.ToString(), r.KindName,
                CampaignText.Format(r.HeldOn), r.HostOrganizationId, r.HostName, r.Attendance, TallyDto.Of(r.Tally))).ToList());
        }).WithSummary("评议会列表（主办组织在管理范围内的；可按 campaignId 筛选），含每个评议会的测评表统计");

        api.MapGet("/{id:int}", async Task<Results<Ok<MeetingDto>, NotFound>> (int id, AppDbContext db, OrgScope scope, CancellationToken ct) =>
            await FindAsync(db, scope, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .WithSummary("评议会详情及测评表统计（发放、回收、有效、无效、待核对、尚未录入）");

        api.MapPost("", async Task<Results<Created<MeetingDto>, Ok<MeetingDto>, NotFound, ValidationProblem>> (
            MeetingRequest request, MeetingCommands commands, AppDbContext db, OrgScope scope, CancellationToken ct) =>
        {
            var (input, error) = ToInput(request);
            if (input is null)
            {
                return Invalid(error!);
            }
            var result = await commands.CreateAsync(input);
            return await DoneAsync(result, db, scope, ct, created: true);
        }).WithSummary("登记评议会")
          .WithDescription(Description);

        api.MapPut("/{id:int}", async Task<Results<Created<MeetingDto>, Ok<MeetingDto>, NotFound, ValidationProblem>> (
            int id, MeetingRequest request, MeetingCommands commands, AppDbContext db, OrgScope scope, CancellationToken ct) =>
        {
            var (input, error) = ToInput(request);
            if (input is null)
            {
                return Invalid(error!);
            }
            var result = await commands.UpdateAsync(id, input);
            return await DoneAsync(result, db, scope, ct, created: false);
        }).WithSummary("修改评议会（campaignId 可省略，不能改到其他活动）")
          .WithDescription(Description);

        group.MapGet("/campaigns/{id:int}/counts", async Task<Results<Ok<CampaignCounts>, NotFound>> (
                int id, MeetingCountsQuery query, CancellationToken ct) =>
            await query.FindAsync(id, ct) is { } counts ? TypedResults.Ok(counts) : TypedResults.NotFound())
            .WithTags("评议统计")
            .WithSummary("评议统计：评议会次数（按形式）、测评表发放/回收/有效/无效、参评人次、各渠道评议人数、尚待录入的评议会")
            .WithDescription("只统计主办组织（平时评议二维码所在组织）在调用者管理范围内的部分；byOrganization 按范围顶端组织的下一级汇总（含下级）。" +
                "participants（参评人次）= attendance（参加评议会人次）+ onlineRaters（评议码在线评议人数）+ standingRaters（平时扫码次数）；" +
                "paperRaters = valid（有效纸质测评票）已含在参加人次中。在线评议人数按评议人计：一位评议人对本类别的每项评议安排各交一张票。" +
                "在线测评票不属于任何组织，只有发起活动的组织（或其上级）的管理员能看到 onlineRaters，否则为 null。");
    }

    private const string Description =
        "kind 取值：AppraisalMeeting（评议会）、Forum（座谈会）、Interview（个别访谈）、Visit（走访）；heldOn 格式 yyyy-MM-dd，" +
        "可早于评议期开始（最多60天），不能晚于评议期结束。hostOrganizationId 须在管理范围内且在活动发起组织之下；raterGroupId 为本活动的评议人类别" +
        "（发放测评表时必填，不能是平时评议类别）；formsReturned 不能多于 formsIssued，也不能少于已录入的份数。";

    private static async Task<Results<Created<MeetingDto>, Ok<MeetingDto>, NotFound, ValidationProblem>> DoneAsync(
        CommandResult result, AppDbContext db, OrgScope scope, CancellationToken ct, bool created)
    {
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (result.Error is { } error)
        {
            return Invalid(error);
        }
        var dto = (await FindAsync(db, scope, result.Id!.Value, ct))!;
        return created ? TypedResults.Created($"/api/meetings/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<MeetingDto?> FindAsync(AppDbContext db, OrgScope scope, int id, CancellationToken ct)
    {
        if (await scope.FindMeetingAsync(id) is not { } m)
        {
            return null;
        }
        await db.Entry(m).Collection(x => x.Invitees).LoadAsync(ct);
        var tally = await MeetingTallies.OfAsync(db, m, ct);
        return new MeetingDto(m.Id, m.CampaignId, m.Kind.ToString(), MeetingLabels.Of(m.Kind), m.Title, CampaignText.Format(m.HeldOn), m.Place,
            m.HostOrganizationId, m.RaterGroupId, m.Attendance, m.FormsIssued, m.FormsReturned, m.DoubleEntry, m.Minutes,
            m.Invitees.Where(i => i.OrganizationId != null).Select(i => i.OrganizationId!.Value).Order().ToList(),
            m.Invitees.Where(i => i.MemberId != null).Select(i => i.MemberId!.Value).Order().ToList(),
            TallyDto.Of(tally));
    }

    private static (MeetingInput? Input, string? Error) ToInput(MeetingRequest r)
    {
        if (!CampaignText.TryParseName<MeetingKind>(r.Kind, out var kind))
        {
            return (null, $"kind 不正确，应为{CampaignText.Names<MeetingKind>()}之一。");
        }
        if (CampaignText.ParseDate(r.HeldOn, "召开日期", out var heldOn) is { } error)
        {
            return (null, error);
        }
        return (new MeetingInput(r.CampaignId ?? 0, r.HostOrganizationId ?? 0,
            new MeetingDetails(kind, r.Title, heldOn, r.Place, r.RaterGroupId, r.Attendance ?? 0, r.FormsIssued ?? 0, r.FormsReturned ?? 0,
                r.DoubleEntry ?? false, r.Minutes),
            r.InvitedOrganizationIds ?? [], r.InvitedMemberIds ?? []), null);
    }

    private static ValidationProblem Invalid(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [error] }, title: error);
}

public sealed record MeetingRequest(int? CampaignId, int? HostOrganizationId, string? Kind, string? Title, string? HeldOn, string? Place,
    int? RaterGroupId, int? Attendance, int? FormsIssued, int? FormsReturned, bool? DoubleEntry, string? Minutes,
    List<int>? InvitedOrganizationIds, List<int>? InvitedMemberIds);

public sealed record TallyDto(int Issued, int Returned, int Valid, int Void, int Awaiting, int Remaining, bool Complete)
{
    public static TallyDto Of(MeetingTally t) => new(t.Issued, t.Returned, t.Valid, t.Void, t.Awaiting, t.Remaining, t.IsComplete);
}

public sealed record MeetingSummaryDto(int Id, int CampaignId, string Title, string Kind, string KindName, string HeldOn,
    int HostOrganizationId, string HostName, int Attendance, TallyDto Tally);

public sealed record MeetingDto(int Id, int CampaignId, string Kind, string KindName, string Title, string HeldOn, string Place,
    int HostOrganizationId, int? RaterGroupId, int Attendance, int FormsIssued, int FormsReturned, bool DoubleEntry, string? Minutes,
    List<int> InvitedOrganizationIds, List<int> InvitedMemberIds, TallyDto Tally);
