using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>Rater groups of a draft campaign.</summary>
public sealed partial class CampaignCommands
{
    /// <summary>The most rater groups one campaign may have: the glossary's kinds and a few custom ones.</summary>
    public const int MaxRaterGroups = 30;

    public async Task<CommandResult> AddGroupAsync(int campaignId, RaterGroupInput input)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        if (CheckGroup(campaign, input, null) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var group = new RaterGroup { Position = campaign.RaterGroups.Select(g => g.Position).DefaultIfEmpty(0).Max() + 1 };
        Apply(group, input);
        campaign.RaterGroups.Add(group);
        Audit(campaign, $"新增评议人类别：{Describe(group)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(group.Id);
    }

    public async Task<CommandResult> UpdateGroupAsync(int campaignId, int groupId, RaterGroupInput input)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        var group = campaign?.RaterGroups.FirstOrDefault(g => g.Id == groupId);
        if (campaign is null || group is null)
        {
            return CommandResult.Missing;
        }
        if (CheckGroup(campaign, input, group) is { } error)
        {
            return CommandResult.Fail(error);
        }
        if (group.Kind == RaterGroupKind.StandingChannel && input.Kind != group.Kind && await db.StandingChannels.AnyAsync(c => c.RaterGroupId == group.Id))
        {
            return CommandResult.Fail($"“{group.Name}”已设置平时评议二维码，不能改为其他类别。");
        }
        var before = Describe(group);
        Apply(group, input);
        Audit(campaign, $"修改评议人类别：{before} → {Describe(group)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(group.Id);
    }

    /// <summary>
    /// Removing a group removes the assignments in which it rates, and its standing QR channels:
    /// the campaign is a draft, so they have received no ballot yet.
    /// </summary>
    public async Task<CommandResult> RemoveGroupAsync(int campaignId, int groupId)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        var group = campaign?.RaterGroups.FirstOrDefault(g => g.Id == groupId);
        if (campaign is null || group is null)
        {
            return CommandResult.Missing;
        }
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return CommandResult.Fail(StructureFrozen);
        }
        var assignments = campaign.Assignments.Where(a => a.RaterGroupId == group.Id).ToList();
        var channels = await db.StandingChannels.Where(c => c.RaterGroupId == group.Id).ToListAsync();
        db.Assignments.RemoveRange(assignments);
        db.StandingChannels.RemoveRange(channels);
        db.RaterGroups.Remove(group);
        Audit(campaign, $"移除评议人类别：{Describe(group)}{(assignments.Count > 0 ? $"，同时移除其评议安排{assignments.Count}条" : "")}"
            + (channels.Count > 0 ? $"，同时移除其平时评议二维码{channels.Count}个" : ""));
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    private static string? CheckGroup(Campaign campaign, RaterGroupInput input, RaterGroup? self)
    {
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return StructureFrozen;
        }
        var errors = CampaignRules.CheckRaterGroup(input.Kind, input.Name, input.PlannedCount, input.Weight);
        if (errors.Count > 0)
        {
            return string.Join(" ", errors);
        }
        if (self is null && campaign.RaterGroups.Count >= MaxRaterGroups)
        {
            return $"一个评议活动最多{MaxRaterGroups}个评议人类别。";
        }
        var name = CampaignRules.GroupName(input.Kind, input.Name);
        if (campaign.RaterGroups.Any(g => g != self && string.Equals(g.Name, name, StringComparison.Ordinal)))
        {
            return $"评议人类别“{name}”已经存在。";
        }
        return null;
    }

    private static void Apply(RaterGroup group, RaterGroupInput input)
    {
        group.Kind = input.Kind;
        group.Name = CampaignRules.GroupName(input.Kind, input.Name);
        group.PlannedCount = input.PlannedCount;
        group.Weight = input.Weight;
    }

    private static string Describe(RaterGroup g) =>
        $"{g.Name}（{CampaignLabels.Of(g.Kind)}，名额{g.PlannedCount}，权重{g.Weight}%）";
}
