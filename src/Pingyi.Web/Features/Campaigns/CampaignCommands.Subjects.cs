using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>Adding and removing subjects of a draft campaign.</summary>
public sealed partial class CampaignCommands
{
    /// <summary>The most subjects one campaign may have; a larger round is split into several campaigns.</summary>
    public const int MaxSubjects = 5000;

    /// <summary>Adds organisations and members picked one by one.</summary>
    public async Task<CommandResult> AddSubjectsAsync(int campaignId, IReadOnlyCollection<int> organizationIds, IReadOnlyCollection<int> memberIds)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var orgs = await FindOrganizationsAsync(organizationIds);
        var members = await FindMembersAsync(memberIds);
        if (orgs is null || members is null)
        {
            return CommandResult.Missing;
        }
        return await AddAsync(campaign, orgs, members, "逐个选择");
    }

    /// <summary>Adds every active organisation of a subtree, optionally only those of a unit type and/or an organisation kind.</summary>
    public async Task<CommandResult> AddOrganizationsOfSubtreeAsync(int campaignId, int rootId, UnitType? unitType, OrganizationKind? kind)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var root = await scope.FindOrganizationAsync(rootId);
        if (root is null)
        {
            return CommandResult.Missing;
        }
        var query = db.Organizations.Where(o => o.Path.StartsWith(root.Path) && o.IsActive);
        if (unitType is { } t)
        {
            query = query.Where(o => o.UnitType == t);
        }
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }
        var orgs = await query.OrderBy(o => o.Path).ToListAsync();
        if (orgs.Count == 0)
        {
            return CommandResult.Fail($"{root.Name}之下没有符合条件的启用中的组织。");
        }
        var filter = string.Join("，", new[] { unitType is { } u ? $"单位类型{Labels.Of(u)}" : null, kind is { } kk ? $"类别{Labels.Of(kk)}" : null }.OfType<string>());
        return await AddAsync(campaign, orgs, [], $"{root.Name}及其下级{(filter.Length > 0 ? "（" + filter + "）" : "")}");
    }

    /// <summary>Adds every active member of a subtree, optionally only those of one role.</summary>
    public async Task<CommandResult> AddMembersOfSubtreeAsync(int campaignId, int rootId, MemberRole? role)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var root = await scope.FindOrganizationAsync(rootId);
        if (root is null)
        {
            return CommandResult.Missing;
        }
        var query = db.Members.Include(m => m.Organization).Where(m => m.Organization!.Path.StartsWith(root.Path) && m.IsActive);
        if (role is { } r)
        {
            query = query.Where(m => m.Role == r);
        }
        var members = await query.OrderBy(m => m.Organization!.Path).ThenBy(m => m.Id).ToListAsync();
        if (members.Count == 0)
        {
            return CommandResult.Fail($"{root.Name}之下没有符合条件的在册人员。");
        }
        return await AddAsync(campaign, [], members, $"{root.Name}及其下级的{(role is { } rr ? Labels.Of(rr) : "全部人员")}");
    }

    public async Task<CommandResult> RemoveSubjectAsync(int campaignId, int subjectId)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        var subject = campaign?.Subjects.FirstOrDefault(s => s.Id == subjectId);
        if (campaign is null || subject is null)
        {
            return CommandResult.Missing;
        }
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return CommandResult.Fail(StructureFrozen);
        }
        foreach (var a in campaign.Assignments)
        {
            a.Subjects.Remove(subject);
        }
        db.CampaignSubjects.Remove(subject);
        Audit(campaign, $"移除评议对象：{CampaignRules.SubjectName(subject)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    private async Task<CommandResult> AddAsync(Campaign campaign, IReadOnlyList<Organization> orgs, IReadOnlyList<Member> members, string how)
    {
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return CommandResult.Fail(StructureFrozen);
        }
        if (orgs.Count == 0 && members.Count == 0)
        {
            return CommandResult.Fail("请选择要添加的评议对象。");
        }
        if (CheckSubjects(campaign.Organization!, orgs, members) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var newOrgs = orgs.Where(o => campaign.Subjects.All(s => s.OrganizationId != o.Id)).DistinctBy(o => o.Id).ToList();
        var newMembers = members.Where(m => campaign.Subjects.All(s => s.MemberId != m.Id)).DistinctBy(m => m.Id).ToList();
        var skipped = orgs.Select(o => o.Id).Distinct().Count() + members.Select(m => m.Id).Distinct().Count() - newOrgs.Count - newMembers.Count;
        if (newOrgs.Count + newMembers.Count == 0)
        {
            return CommandResult.Fail("所选对象已经都是本活动的评议对象。");
        }
        if (campaign.Subjects.Count + newOrgs.Count + newMembers.Count > MaxSubjects)
        {
            return CommandResult.Fail($"一个评议活动最多{MaxSubjects}个评议对象。");
        }
        campaign.Subjects.AddRange(newOrgs.Select(o => new CampaignSubject { OrganizationId = o.Id, Organization = o }));
        campaign.Subjects.AddRange(newMembers.Select(m => new CampaignSubject { MemberId = m.Id, Member = m }));
        var names = newOrgs.Select(o => o.Name).Concat(newMembers.Select(m => $"{m.Name}（{m.Organization!.Name}）")).ToList();
        Audit(campaign, $"新增评议对象（{how}）{names.Count}个：{string.Join("、", names)}{(skipped > 0 ? $"；已在活动中而跳过{skipped}个" : "")}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    /// <summary>
    /// Why these organisations and members cannot be subjects of a campaign run by <paramref name="owner"/>:
    /// every one lies in its subtree and is active.
    /// </summary>
    private static string? CheckSubjects(Organization owner, IEnumerable<Organization> orgs, IEnumerable<Member> members)
    {
        foreach (var o in orgs)
        {
            if (!OrganizationTree.IsWithin(o.Path, owner.Path))
            {
                return $"评议对象“{o.Name}”不在{owner.Name}的范围内。";
            }
            if (!o.IsActive)
            {
                return $"“{o.Name}”已停用，不能作为评议对象。";
            }
        }
        foreach (var m in members)
        {
            if (!OrganizationTree.IsWithin(m.Organization!.Path, owner.Path))
            {
                return $"评议对象“{m.Name}（{m.Organization.Name}）”不在{owner.Name}的范围内。";
            }
            if (!m.IsActive)
            {
                return $"“{m.Name}”已停用，不能作为评议对象。";
            }
        }
        return null;
    }

    /// <summary>The organisations in scope with these ids; null (each miss audited) if any lies outside or does not exist.</summary>
    private async Task<List<Organization>?> FindOrganizationsAsync(IReadOnlyCollection<int> ids)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return [];
        }
        var found = await (await scope.OrganizationsAsync()).Where(o => distinct.Contains(o.Id)).ToListAsync();
        foreach (var missing in distinct.Except(found.Select(o => o.Id)))
        {
            await scope.DenyAsync("Organization", missing);
        }
        return found.Count == distinct.Count ? found.OrderBy(o => o.Path).ToList() : null;
    }

    private async Task<List<Member>?> FindMembersAsync(IReadOnlyCollection<int> ids)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return [];
        }
        var found = await (await scope.MembersAsync()).Include(m => m.Organization).Where(m => distinct.Contains(m.Id)).ToListAsync();
        foreach (var missing in distinct.Except(found.Select(m => m.Id)))
        {
            await scope.DenyAsync("Member", missing);
        }
        return found.Count == distinct.Count ? found.OrderBy(m => m.Organization!.Path).ThenBy(m => m.Id).ToList() : null;
    }

    private void Audit(Campaign campaign, string detail) =>
        audit.Add(AuditActions.CampaignUpdate, AuditOutcome.Success, "Campaign", Id(campaign.Id), $"{campaign.Name}：{detail}");
}
