using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>Assignments of a draft campaign: which group rates which subjects, in which direction, with which form.</summary>
public sealed partial class CampaignCommands
{
    public const int MaxAssignments = 200;

    public async Task<CommandResult> AddAssignmentAsync(int campaignId, AssignmentInput input) =>
        await SaveAssignmentAsync(campaignId, null, input);

    public async Task<CommandResult> UpdateAssignmentAsync(int campaignId, int assignmentId, AssignmentInput input) =>
        await SaveAssignmentAsync(campaignId, assignmentId, input);

    public async Task<CommandResult> RemoveAssignmentAsync(int campaignId, int assignmentId)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        var assignment = campaign?.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (campaign is null || assignment is null)
        {
            return CommandResult.Missing;
        }
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return CommandResult.Fail(StructureFrozen);
        }
        db.Assignments.Remove(assignment);
        Audit(campaign, $"移除评议安排：{Describe(assignment)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    private async Task<CommandResult> SaveAssignmentAsync(int campaignId, int? assignmentId, AssignmentInput input)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var assignment = assignmentId is { } aid ? campaign.Assignments.FirstOrDefault(a => a.Id == aid) : null;
        var group = campaign.RaterGroups.FirstOrDefault(g => g.Id == input.RaterGroupId);
        if ((assignmentId is not null && assignment is null) || input.Subjects.SubjectIds.Any(id => campaign.Subjects.All(s => s.Id != id)))
        {
            return CommandResult.Missing;
        }
        Form? form = null;
        if (input.FormId is { } formId)
        {
            form = await scope.FindFormAsync(formId, toChange: false);
            if (form is null)
            {
                return CommandResult.Missing;
            }
        }
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return CommandResult.Fail(StructureFrozen);
        }
        if (group is null)
        {
            return CommandResult.Fail("请选择评议人类别。");
        }
        if (assignment is null && campaign.Assignments.Count >= MaxAssignments)
        {
            return CommandResult.Fail($"一个评议活动最多{MaxAssignments}条评议安排。");
        }
        var version = form is null ? null : await CurrentVersionAsync(form);
        var subjects = Select(campaign, input.Subjects);
        if (CheckAssignment(campaign, assignment, group, input.Direction, form, version, subjects) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var before = assignment is null ? null : Describe(assignment);
        if (assignment is null)
        {
            assignment = new Assignment();
            campaign.Assignments.Add(assignment);
        }
        assignment.RaterGroupId = group.Id;
        assignment.RaterGroup = group;
        assignment.Direction = input.Direction;
        assignment.FormVersionId = version!.Id;
        assignment.FormVersion = version;
        assignment.Subjects.Clear();
        assignment.Subjects.AddRange(subjects);
        Audit(campaign, before is null ? $"新增评议安排：{Describe(assignment)}" : $"修改评议安排：{before} → {Describe(assignment)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(assignment.Id);
    }

    /// <summary>
    /// Why the assignment cannot be stored: the same checks as <see cref="CampaignRules.CheckPlan"/>
    /// makes for one assignment, with the same wording, so a draft never holds an assignment the
    /// plan check would block on.
    /// </summary>
    private static string? CheckAssignment(Campaign campaign, Assignment? self, RaterGroup group, Direction direction,
        Form? form, FormVersion? version, IReadOnlyList<CampaignSubject> subjects)
    {
        if (!Enum.IsDefined(direction))
        {
            return "评议方向不正确。";
        }
        var label = $"评议安排“{group.Name}·{CampaignLabels.Of(direction)}”";
        if (form is null)
        {
            return $"{label}没有指定测评表。";
        }
        if (version is null || form.IsArchived)
        {
            return $"测评表“{version?.Title ?? form.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}”已停用或没有内容，不能用于评议安排。";
        }
        if (subjects.Count == 0)
        {
            return $"{label}没有选择评议对象。";
        }
        foreach (var s in subjects)
        {
            if (CampaignRules.CheckDirection(direction, s.IsMember) is { } e)
            {
                return $"{label}：{e}（{CampaignRules.SubjectName(s)}）";
            }
            if (campaign.Assignments.Any(a => a != self && a.RaterGroupId == group.Id && a.Subjects.Contains(s)))
            {
                return $"“{group.Name}”对“{CampaignRules.SubjectName(s)}”安排了不止一次评议。";
            }
        }
        return null;
    }

    /// <summary>The subjects picked one by one plus those the server-side selections name, in tree order.</summary>
    private static List<CampaignSubject> Select(Campaign campaign, SubjectSelection selection) =>
        CampaignPlan.Ordered(campaign.Subjects.Where(s =>
            selection.SubjectIds.Contains(s.Id)
            || (selection.UnitType is { } t && s.Organization?.UnitType == t)
            || (selection.AllMembers && s.IsMember)));

    /// <summary>The form's current version, the highest-numbered one, with its items for the plan check.</summary>
    private Task<FormVersion?> CurrentVersionAsync(Form form) =>
        db.FormVersions.Include(v => v.Sections).ThenInclude(s => s.Items)
            .Where(v => v.FormId == form.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync();

    private static string Describe(Assignment a) =>
        $"{a.RaterGroup?.Name}·{CampaignLabels.Of(a.Direction)}，测评表“{a.FormVersion?.Title}”第{a.FormVersion?.Number}版，评议对象{a.Subjects.Count}个";
}
