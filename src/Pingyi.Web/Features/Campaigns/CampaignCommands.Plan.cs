using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>Creating a draft with its whole plan in one go, as the API does.</summary>
public sealed partial class CampaignCommands
{
    /// <summary>
    /// Creates the campaign, its subjects, groups and assignments, all or nothing. Each part is
    /// checked as the pages check it; then the plan as a whole must pass
    /// <see cref="CampaignRules.CheckPlan"/> without a blocking issue, so what the API creates can
    /// be opened. The plan check needs stored ids, so the rows are written inside a transaction
    /// that is rolled back when the check fails.
    /// </summary>
    public async Task<PlanResult> CreateWithPlanAsync(CampaignPlanInput plan)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string key, string message) =>
            (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(message);

        var org = await scope.FindOrganizationAsync(plan.Details.OrganizationId);
        var orgs = await FindOrganizationsAsync(plan.OrganizationIds);
        var members = await FindMembersAsync(plan.MemberIds);
        var forms = new Dictionary<int, Form>();
        foreach (var id in plan.Assignments.Select(a => a.FormId).OfType<int>().Distinct())
        {
            if (await scope.FindFormAsync(id, toChange: false) is { } form)
            {
                forms[id] = form;
            }
        }
        if (org is null || orgs is null || members is null || forms.Count != plan.Assignments.Select(a => a.FormId).OfType<int>().Distinct().Count())
        {
            return new PlanResult(new Dictionary<string, string[]>(), NotFound: true);
        }

        if (!org.IsActive)
        {
            Error("organizationId", "该组织已停用，不能发起评议活动。");
        }
        var d = plan.Details;
        foreach (var e in CampaignRules.CheckDetails(d.Name, d.Year, d.Theme, d.StartsOn, d.EndsOn, d.MinGroupSize))
        {
            Error("campaign", e);
        }
        if (orgs.Count + members.Count > MaxSubjects)
        {
            Error("subjects", $"一个评议活动最多{MaxSubjects}个评议对象。");
        }
        else if (CheckSubjects(org, orgs, members) is { } subjectError)
        {
            Error("subjects", subjectError);
        }
        if (plan.Groups.Count > MaxRaterGroups)
        {
            Error("groups", $"一个评议活动最多{MaxRaterGroups}个评议人类别。");
        }
        for (var i = 0; i < plan.Groups.Count && i < MaxRaterGroups; i++)
        {
            var g = plan.Groups[i];
            foreach (var e in CampaignRules.CheckRaterGroup(g.Kind, g.Name, g.PlannedCount, g.Weight))
            {
                Error($"groups[{i}]", $"第{i + 1}个评议人类别：{e}");
            }
        }
        var versions = new Dictionary<int, FormVersion>();
        foreach (var form in forms.Values)
        {
            if (await CurrentVersionAsync(form) is { } v && !form.IsArchived)
            {
                versions[form.Id] = v;
            }
        }
        if (plan.Assignments.Count > MaxAssignments)
        {
            Error("assignments", $"一个评议活动最多{MaxAssignments}条评议安排。");
        }
        for (var i = 0; i < plan.Assignments.Count && i < MaxAssignments; i++)
        {
            var a = plan.Assignments[i];
            var key = $"assignments[{i}]";
            if (a.GroupIndex < 0 || a.GroupIndex >= plan.Groups.Count)
            {
                Error(key, $"第{i + 1}条评议安排的评议人类别序号{a.GroupIndex}不存在（从0开始，共{plan.Groups.Count}个类别）。");
            }
            if (!Enum.IsDefined(a.Direction))
            {
                Error(key, $"第{i + 1}条评议安排的评议方向不正确。");
            }
            if (a.FormId is not { } formId)
            {
                Error(key, $"第{i + 1}条评议安排没有指定测评表。");
            }
            else if (!versions.ContainsKey(formId))
            {
                Error(key, $"第{i + 1}条评议安排的测评表已停用或没有内容。");
            }
            if (a.OrganizationIds.Except(plan.OrganizationIds).Concat(a.MemberIds.Except(plan.MemberIds)).Any())
            {
                Error(key, $"第{i + 1}条评议安排的对象必须是本活动的评议对象（列在 subjects 中）。");
            }
        }
        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var campaign = new Campaign { OrganizationId = org.Id, Organization = org, CreatedUtc = Now };
        Apply(campaign, d);
        var orgSubjects = orgs.ToDictionary(o => o.Id, o => new CampaignSubject { OrganizationId = o.Id, Organization = o });
        var memberSubjects = members.ToDictionary(m => m.Id, m => new CampaignSubject { MemberId = m.Id, Member = m });
        campaign.Subjects.AddRange(orgSubjects.Values.Concat(memberSubjects.Values));
        var groups = plan.Groups.Select((g, i) =>
        {
            var group = new RaterGroup { Position = i + 1 };
            Apply(group, g);
            return group;
        }).ToList();
        campaign.RaterGroups.AddRange(groups);
        campaign.Assignments.AddRange(plan.Assignments.Select(a => new Assignment
        {
            RaterGroup = groups[a.GroupIndex],
            Direction = a.Direction,
            FormVersion = versions[a.FormId!.Value],
            Subjects = a.OrganizationIds.Distinct().Select(id => orgSubjects[id])
                .Concat(a.MemberIds.Distinct().Select(id => memberSubjects[id])).ToList(),
        }));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        var blocking = CampaignRules.CheckPlan(campaign).Where(i => i.Blocking).ToList();
        if (blocking.Count > 0)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            foreach (var issue in blocking)
            {
                Error("plan", issue.Message);
            }
            return Refused(errors);
        }
        audit.Add(AuditActions.CampaignCreate, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"{campaign.Name}（{campaign.Year}年），{org.Name}，评议期 {Period(campaign)}；评议对象{campaign.Subjects.Count}个，" +
            $"评议人类别{string.Join("、", groups.Select(Describe))}，评议安排{campaign.Assignments.Count}条（通过接口一次建立）");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new PlanResult(new Dictionary<string, string[]>(), Id: campaign.Id);
    }

    private static PlanResult Refused(Dictionary<string, List<string>> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
