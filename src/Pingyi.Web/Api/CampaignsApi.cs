using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

/// <summary>
/// Campaigns for the systems around Pingyi: list, read with the whole plan, create a draft with
/// its plan in one request, move along the lifecycle, extend the period. Scope as on the pages:
/// a campaign, organisation, member or form outside the caller's subtree answers 404.
/// </summary>
public static class CampaignsApi
{
    private const int MaxListed = 500;

    public static void MapCampaignsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/campaigns").WithTags("评议活动");

        api.MapGet("", async Task<Results<Ok<List<CampaignSummaryDto>>, ValidationProblem>> (OrgScope scope, int? year, string? state) =>
        {
            var campaigns = await scope.CampaignsAsync();
            if (year is { } y)
            {
                campaigns = campaigns.Where(c => c.Year == y);
            }
            if (state is not null)
            {
                if (!CampaignText.TryParseName<CampaignState>(state, out var s))
                {
                    return Invalid("state", $"状态不正确，应为{CampaignText.Names<CampaignState>()}之一。");
                }
                campaigns = campaigns.Where(c => c.State == s);
            }
            var list = await campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(MaxListed)
                .Select(c => new CampaignSummaryDto(c.Id, c.Name, c.Year, c.OrganizationId, c.Organization!.Name, c.State, "",
                    c.StartsOn, c.EndsOn, c.Subjects.Count, c.RaterGroups.Count))
                .ToListAsync();
            return TypedResults.Ok(list.Select(c => c with { StateName = CampaignLabels.Of(c.State) }).ToList());
        }).WithSummary("评议活动列表（可按 year、state 筛选）")
          .WithDescription($"state 取值：{CampaignText.Names<CampaignState>()}。最多返回{MaxListed}个，年度新的在前。");

        api.MapGet("/{id:int}", async Task<Results<Ok<CampaignDto>, NotFound>> (int id, AppDbContext db, OrgScope scope, TimeProvider clock) =>
            await CampaignPlan.FindAsync(db, scope, id) is { } c ? TypedResults.Ok(ToDto(c, clock)) : TypedResults.NotFound())
            .WithSummary("评议活动及其完整评议方案（对象、评议人类别、评议安排、方案问题）");

        api.MapPost("", async Task<Results<Created<CampaignDto>, NotFound, ValidationProblem>> (
            CreateCampaignRequest request, CampaignCommands commands, AppDbContext db, OrgScope scope, TimeProvider clock) =>
        {
            var (input, errors) = ToInput(request);
            if (input is null)
            {
                return Invalid(errors);
            }
            var result = await commands.CreateWithPlanAsync(input);
            if (result.NotFound)
            {
                return TypedResults.NotFound();
            }
            if (!result.Succeeded)
            {
                return Invalid(result.Errors);
            }
            var campaign = await CampaignPlan.FindAsync(db, scope, result.Id!.Value);
            return TypedResults.Created($"/api/campaigns/{campaign!.Id}", ToDto(campaign, clock));
        }).WithSummary("一次建立评议活动草稿及其完整评议方案")
          .WithDescription(
            "日期格式 yyyy-MM-dd；minGroupSize 省略时为5，不能小于3。groups[].kind 取值：" + CampaignText.Names<RaterGroupKind>() +
            "（Custom 须填写 name）；weight 为百分比，合计应为100。assignments[].groupIndex 是该安排的评议人类别在 groups 中的序号（从0开始）；" +
            "direction 取值：" + CampaignText.Names<Direction>() + "；formId 为可用测评表的编号，使用其当前版本；" +
            "organizationIds/memberIds 须列在 subjects 中。方案须完整（没有阻止开始的问题）才会保存，否则什么也不保存。");

        api.MapPost("/{id:int}/state", async Task<Results<Ok<CampaignDto>, NotFound, ValidationProblem>> (
            int id, CampaignStateRequest request, CampaignCommands commands, AppDbContext db, OrgScope scope, TimeProvider clock) =>
        {
            if (!CampaignText.TryParseName<CampaignState>(request.State, out var to))
            {
                return Invalid("state", $"状态不正确，应为{CampaignText.Names<CampaignState>()}之一。");
            }
            return await Done(await commands.TransitionAsync(id, to), "state", db, scope, id, clock);
        }).WithSummary("改变评议活动状态：Open 开始评议，Closed 结束评议（立即停止接收评议），Published 公示，Archived 归档");

        api.MapPost("/{id:int}/extend", async Task<Results<Ok<CampaignDto>, NotFound, ValidationProblem>> (
            int id, ExtendCampaignRequest request, CampaignCommands commands, AppDbContext db, OrgScope scope, TimeProvider clock) =>
        {
            if (CampaignText.ParseDate(request.EndsOn, "新的结束日期", out var endsOn) is { } error)
            {
                return Invalid("endsOn", error);
            }
            if (endsOn == default)
            {
                return Invalid("endsOn", "请填写新的结束日期。");
            }
            return await Done(await commands.ExtendAsync(id, endsOn), "endsOn", db, scope, id, clock);
        }).WithSummary("延长评议期（进行中的活动只能推迟结束日期）");
    }

    private static async Task<Results<Ok<CampaignDto>, NotFound, ValidationProblem>> Done(
        CommandResult result, string key, AppDbContext db, OrgScope scope, int id, TimeProvider clock)
    {
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (result.Error is { } error)
        {
            return Invalid(key, error);
        }
        var campaign = await CampaignPlan.FindAsync(db, scope, id);
        return TypedResults.Ok(ToDto(campaign!, clock));
    }

    /// <summary>Reads the request into the command's input, or every reason it cannot be read.</summary>
    private static (CampaignPlanInput? Input, Dictionary<string, string[]> Errors) ToInput(CreateCampaignRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (CampaignText.ParseDate(r.StartsOn, "开始日期", out var startsOn) is { } e1)
        {
            errors["startsOn"] = [e1];
        }
        if (CampaignText.ParseDate(r.EndsOn, "结束日期", out var endsOn) is { } e2)
        {
            errors["endsOn"] = [e2];
        }
        var orgIds = r.Subjects?.OrganizationIds ?? [];
        var memberIds = r.Subjects?.MemberIds ?? [];
        var groups = r.Groups ?? [];
        var assignments = r.Assignments ?? [];
        if (orgIds.Count + memberIds.Count > CampaignCommands.MaxSubjects)
        {
            errors["subjects"] = [$"一个评议活动最多{CampaignCommands.MaxSubjects}个评议对象。"];
        }
        if (groups.Count > CampaignCommands.MaxRaterGroups)
        {
            errors["groups"] = [$"一个评议活动最多{CampaignCommands.MaxRaterGroups}个评议人类别。"];
        }
        if (assignments.Count > CampaignCommands.MaxAssignments)
        {
            errors["assignments"] = [$"一个评议活动最多{CampaignCommands.MaxAssignments}条评议安排。"];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var groupInputs = new List<RaterGroupInput>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (!CampaignText.TryParseName<RaterGroupKind>(groups[i].Kind, out var kind))
            {
                errors[$"groups[{i}].kind"] = [$"第{i + 1}个评议人类别的 kind 不正确，应为{CampaignText.Names<RaterGroupKind>()}之一。"];
            }
            groupInputs.Add(new RaterGroupInput(kind, groups[i].Name, groups[i].PlannedCount, groups[i].Weight));
        }
        var planned = new List<PlannedAssignment>();
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            if (!CampaignText.TryParseName<Direction>(a.Direction, out var direction))
            {
                errors[$"assignments[{i}].direction"] = [$"第{i + 1}条评议安排的 direction 不正确，应为{CampaignText.Names<Direction>()}之一。"];
            }
            var aOrgs = a.OrganizationIds ?? [];
            var aMembers = a.MemberIds ?? [];
            if (aOrgs.Count + aMembers.Count > CampaignCommands.MaxSubjects)
            {
                errors[$"assignments[{i}]"] = [$"一条评议安排最多{CampaignCommands.MaxSubjects}个评议对象。"];
            }
            planned.Add(new PlannedAssignment(a.GroupIndex, direction, a.FormId, aOrgs, aMembers));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var details = new CampaignInput(r.OrganizationId, r.Name, r.Year, r.Theme, startsOn, endsOn,
            r.MinGroupSize ?? Campaign.DefaultMinGroupSize);
        return (new CampaignPlanInput(details, orgIds, memberIds, groupInputs, planned), errors);
    }

    private static CampaignDto ToDto(Campaign c, TimeProvider clock)
    {
        var subjects = CampaignPlan.Ordered(c.Subjects);
        return new CampaignDto(c.Id, c.Name, c.Year, c.Theme, c.OrganizationId, c.Organization!.Name, c.StartsOn, c.EndsOn, c.MinGroupSize,
            c.State, CampaignLabels.Of(c.State), CampaignRules.AcceptsBallots(c, CampaignPlan.Today(clock)),
            CampaignRules.NextStates(c.State).Select(s => s.ToString()).ToList(),
            c.CreatedUtc, c.OpenedUtc, c.ClosedUtc, c.PublishedUtc, c.ArchivedUtc,
            subjects.Select(s => new CampaignSubjectDto(s.Id, s.OrganizationId, s.MemberId, CampaignRules.SubjectName(s), s.IsMember)).ToList(),
            c.RaterGroups.OrderBy(g => g.Position).ThenBy(g => g.Id)
                .Select(g => new RaterGroupDto(g.Id, g.Kind, CampaignLabels.Of(g.Kind), g.Name, g.PlannedCount, g.Weight)).ToList(),
            c.Assignments.OrderBy(a => a.Id).Select(a => new AssignmentDto(a.Id, a.RaterGroupId, a.Direction, CampaignLabels.Of(a.Direction),
                a.FormVersion?.FormId, a.FormVersionId, a.FormVersion?.Number, a.FormVersion?.Title,
                subjects.Where(a.Subjects.Contains).Select(s => s.Id).ToList())).ToList(),
            CampaignRules.CheckPlan(c).Select(i => new PlanIssueDto(i.Message, i.Blocking)).ToList());
    }

    private static ValidationProblem Invalid(string key, string error) =>
        Invalid(new Dictionary<string, string[]> { [key] = [error] });

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: errors.Values.SelectMany(e => e).FirstOrDefault() ?? "请求内容不正确。");
}
