using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Campaigns;

/// <summary>A finding about a campaign's plan; a blocking one keeps the campaign from opening.</summary>
public sealed record PlanIssue(string Message, bool Blocking);

/// <summary>The rules of a campaign's details, its plan and its lifecycle.</summary>
public static class CampaignRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int WeightTotal = 100;

    /// <summary>Reasons the campaign's own fields are unacceptable; empty when they are fine.</summary>
    public static List<string> CheckDetails(string? name, int year, string? theme, DateOnly startsOn, DateOnly endsOn, int minGroupSize)
    {
        var errors = new List<string>();
        Add(errors, TextRules.CheckName(name, "活动名称", Campaign.NameMaxLength));
        Add(errors, TextRules.CheckOptional(theme, "主题", Campaign.ThemeMaxLength));
        if (year is < MinYear or > MaxYear)
        {
            errors.Add($"年度应在{MinYear}到{MaxYear}之间。");
        }
        if (startsOn == default || endsOn == default)
        {
            errors.Add("请填写评议期的开始和结束日期。");
        }
        else if (endsOn < startsOn)
        {
            errors.Add("评议期的结束日期不能早于开始日期。");
        }
        if (minGroupSize < Campaign.MinGroupSizeFloor)
        {
            errors.Add($"最小分组人数不能小于{Campaign.MinGroupSizeFloor}，否则少数评议人的意见可能被推算出来。");
        }
        else if (minGroupSize > Campaign.MinGroupSizeCeiling)
        {
            errors.Add($"最小分组人数不能大于{Campaign.MinGroupSizeCeiling}。");
        }
        return errors;
    }

    public static List<string> CheckRaterGroup(RaterGroupKind kind, string? name, int plannedCount, int weight)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add("评议人类别不正确。");
        }
        if (kind == RaterGroupKind.Custom)
        {
            Add(errors, TextRules.CheckName(name, "自定义类别名称", RaterGroup.NameMaxLength));
        }
        else
        {
            Add(errors, TextRules.CheckOptional(name, "类别名称", RaterGroup.NameMaxLength));
        }
        if (plannedCount is < 1 or > RaterGroup.MaxPlannedCount)
        {
            errors.Add($"名额应在1到{RaterGroup.MaxPlannedCount}之间。");
        }
        if (weight is < 0 or > WeightTotal)
        {
            errors.Add($"权重应在0到{WeightTotal}之间。");
        }
        return errors;
    }

    /// <summary>The name shown for a group: the custom name, or the kind's Chinese name.</summary>
    public static string GroupName(RaterGroupKind kind, string? name) =>
        string.IsNullOrWhiteSpace(name) ? CampaignLabels.Of(kind) : name.Trim();

    /// <summary>Whether subjects of this kind (member or organisation) fit the direction.</summary>
    public static string? CheckDirection(Direction direction, bool subjectIsMember) => direction switch
    {
        _ when !Enum.IsDefined(direction) => "评议方向不正确。",
        Direction.OrganizationRatesMembers when !subjectIsMember => "“党组织评议党员”的评议对象应是党员。",
        Direction.MembersRateOrganization when subjectIsMember => "“党员评议党组织”的评议对象应是组织。",
        _ => null,
    };

    /// <summary>
    /// Everything wrong with the plan. Expects the campaign loaded with its organisation, subjects
    /// (with their organisation or member and its organisation), rater groups, and assignments
    /// with their subjects and form version (sections and items).
    /// </summary>
    public static List<PlanIssue> CheckPlan(Campaign campaign)
    {
        var issues = new List<PlanIssue>();
        void Block(string m) => issues.Add(new PlanIssue(m, true));
        void Warn(string m) => issues.Add(new PlanIssue(m, false));

        foreach (var e in CheckDetails(campaign.Name, campaign.Year, campaign.Theme, campaign.StartsOn, campaign.EndsOn, campaign.MinGroupSize))
        {
            Block(e);
        }
        if (campaign.Subjects.Count == 0)
        {
            Block("还没有评议对象。");
        }
        if (campaign.RaterGroups.Count == 0)
        {
            Block("还没有评议人类别。");
        }
        if (campaign.Assignments.Count == 0)
        {
            Block("还没有评议安排（哪类评议人用哪张测评表评议哪些对象）。");
        }

        if (campaign.RaterGroups.Count > 0)
        {
            var total = campaign.RaterGroups.Sum(g => g.Weight);
            if (total != WeightTotal)
            {
                Block($"各评议人类别的权重合计为{total}，应为{WeightTotal}。");
            }
        }
        foreach (var g in campaign.RaterGroups)
        {
            var name = GroupName(g.Kind, g.Name);
            if (g.PlannedCount < campaign.MinGroupSize)
            {
                Warn($"“{name}”的名额{g.PlannedCount}少于最小分组人数{campaign.MinGroupSize}，该类别的分项结果将不予显示。");
            }
            if (campaign.Assignments.All(a => a.RaterGroupId != g.Id))
            {
                Warn($"“{name}”没有评议任何对象。");
            }
        }

        var campaignPath = campaign.Organization?.Path;
        foreach (var s in campaign.Subjects)
        {
            if (campaignPath is not null && PathOf(s) is { } p && !OrganizationTree.IsWithin(p, campaignPath))
            {
                Block($"评议对象“{SubjectName(s)}”不在{campaign.Organization!.Name}的范围内。");
            }
            if (campaign.Assignments.All(a => a.Subjects.All(x => x.Id != s.Id)))
            {
                Block($"评议对象“{SubjectName(s)}”没有安排任何评议人。");
            }
        }

        var seen = new HashSet<(int, int)>();
        foreach (var a in campaign.Assignments)
        {
            var group = (a.RaterGroup ?? campaign.RaterGroups.FirstOrDefault(g => g.Id == a.RaterGroupId)) is { } rater
                ? GroupName(rater.Kind, rater.Name)
                : "？";
            var label = $"评议安排“{group}·{CampaignLabels.Of(a.Direction)}”";
            // An unsaved form is attached by navigation only; its id comes with SaveChanges.
            if (a.FormVersionId is null && a.FormVersion is null)
            {
                Block($"{label}没有指定测评表。");
            }
            else if (a.FormVersion is { } form && FormRules.CheckVersion(form).Count > 0)
            {
                Block($"{label}使用的测评表“{form.Title}”还不完整。");
            }
            if (a.Subjects.Count == 0)
            {
                Block($"{label}没有选择评议对象。");
            }
            foreach (var s in a.Subjects)
            {
                if (CheckDirection(a.Direction, s.IsMember) is { } e)
                {
                    Block($"{label}：{e}（{SubjectName(s)}）");
                }
                if (!seen.Add((a.RaterGroupId, s.Id)))
                {
                    Block($"“{group}”对“{SubjectName(s)}”安排了不止一次评议。");
                }
            }
        }
        return issues;
    }

    public static string SubjectName(CampaignSubject s) =>
        s.Member is { } m ? $"{m.Name}（{m.Organization?.Name}）" : s.Organization?.Name ?? $"#{s.Id}";

    private static string? PathOf(CampaignSubject s) => s.Member?.Organization?.Path ?? s.Organization?.Path;

    /// <summary>Subjects, rater groups, assignments, forms and k change only while the campaign is a draft.</summary>
    public static bool CanChangeStructure(CampaignState state) => state == CampaignState.Draft;

    /// <summary>The states a campaign may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<CampaignState> NextStates(CampaignState from) => from switch
    {
        CampaignState.Draft => [CampaignState.Open],
        CampaignState.Open => [CampaignState.Closed],
        CampaignState.Closed => [CampaignState.Published, CampaignState.Archived],
        CampaignState.Published => [CampaignState.Archived],
        _ => [],
    };

    /// <summary>
    /// Moves the campaign to <paramref name="to"/>, stamping the time, or returns why it cannot.
    /// Opening needs a plan without blocking issues and a period that has not already ended.
    /// </summary>
    public static string? Transition(Campaign campaign, CampaignState to, DateTime nowUtc, DateOnly today)
    {
        if (!NextStates(campaign.State).Contains(to))
        {
            return $"活动当前为“{CampaignLabels.Of(campaign.State)}”，不能改为“{CampaignLabels.Of(to)}”。";
        }
        if (to == CampaignState.Open)
        {
            var blocking = CheckPlan(campaign).Where(i => i.Blocking).Select(i => i.Message).ToList();
            if (blocking.Count > 0)
            {
                return "评议方案还不完整，不能开始：" + string.Join(" ", blocking);
            }
            if (campaign.EndsOn < today)
            {
                return "评议期已经结束，请先修改评议期再开始。";
            }
        }
        campaign.State = to;
        switch (to)
        {
            case CampaignState.Open:
                campaign.OpenedUtc = nowUtc;
                foreach (var v in campaign.Assignments.Select(a => a.FormVersion).OfType<FormVersion>())
                {
                    v.FrozenUtc ??= nowUtc;
                }
                break;
            case CampaignState.Closed:
                campaign.ClosedUtc = nowUtc;
                break;
            case CampaignState.Published:
                campaign.PublishedUtc = nowUtc;
                break;
            case CampaignState.Archived:
                campaign.ArchivedUtc = nowUtc;
                break;
        }
        return null;
    }

    /// <summary>
    /// 撤回公示: back from 已公示 to 已结束 when the notice is withdrawn. Not in <see cref="NextStates"/>,
    /// so no generic transition takes a campaign off its notice; only withdrawing the notice does.
    /// </summary>
    public static string? Unpublish(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.State != CampaignState.Published)
        {
            return $"活动当前为“{CampaignLabels.Of(campaign.State)}”，不能撤回公示。";
        }
        campaign.State = CampaignState.Closed;
        campaign.PublishedUtc = null;
        return null;
    }

    /// <summary>Once a campaign is open, only its end date may move, and only later.</summary>
    public static string? ExtendPeriod(Campaign campaign, DateOnly newEndsOn)
    {
        if (campaign.State is not (CampaignState.Draft or CampaignState.Open))
        {
            return $"活动{CampaignLabels.Of(campaign.State)}，不能再延长评议期。";
        }
        if (newEndsOn < campaign.StartsOn)
        {
            return "评议期的结束日期不能早于开始日期。";
        }
        if (campaign.State == CampaignState.Open && newEndsOn < campaign.EndsOn)
        {
            return "进行中的活动只能延长评议期，不能提前结束日期；要提前结束请使用“结束评议”。";
        }
        campaign.EndsOn = newEndsOn;
        return null;
    }

    /// <summary>Ballots are accepted only while the campaign is open and today lies in its period.</summary>
    public static bool AcceptsBallots(Campaign campaign, DateOnly today) =>
        campaign.State == CampaignState.Open && today >= campaign.StartsOn && today <= campaign.EndsOn;

    private static void Add(List<string> errors, string? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
