using System.Globalization;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>
/// Every change to campaigns, shared by the pages and the API so both enforce the same scope,
/// rules and audit. A command looks up everything it needs through <see cref="OrgScope"/>
/// before it changes anything (a refusal is audited with its own SaveChanges), then stores the
/// change and its audit row together, or nothing.
/// </summary>
public sealed partial class CampaignCommands(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock,
    Publishing.PublicationCommands publications)
{
    public const string StructureFrozen = "活动已开始，评议方案不能再修改；只能延长评议期。";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => CampaignPlan.Today(clock);

    public async Task<CommandResult> CreateAsync(CampaignInput input)
    {
        var org = await scope.FindOrganizationAsync(input.OrganizationId);
        if (org is null)
        {
            return CommandResult.Missing;
        }
        if (!org.IsActive)
        {
            return CommandResult.Fail("该组织已停用，不能发起评议活动。");
        }
        var errors = CheckDetails(input);
        if (errors is not null)
        {
            return CommandResult.Fail(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var campaign = new Campaign { OrganizationId = org.Id, CreatedUtc = Now };
        Apply(campaign, input);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.CampaignCreate, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"{campaign.Name}（{campaign.Year}年），{org.Name}，评议期 {Period(campaign)}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(campaign.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, CampaignInput input)
    {
        var campaign = await CampaignPlan.FindAsync(db, scope, id);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var org = campaign.Organization!;
        if (input.OrganizationId != campaign.OrganizationId)
        {
            org = await scope.FindOrganizationAsync(input.OrganizationId);
            if (org is null)
            {
                return CommandResult.Missing;
            }
        }
        if (!CampaignRules.CanChangeStructure(campaign.State))
        {
            return CommandResult.Fail(StructureFrozen);
        }
        if (!org.IsActive)
        {
            return CommandResult.Fail("该组织已停用，不能发起评议活动。");
        }
        if (CheckDetails(input) is { } errors)
        {
            return CommandResult.Fail(errors);
        }
        var outside = campaign.Subjects.FirstOrDefault(s => !Domain.Organizations.OrganizationTree.IsWithin(SubjectPath(s), org.Path));
        if (outside is not null)
        {
            return CommandResult.Fail($"评议对象“{CampaignRules.SubjectName(outside)}”不在{org.Name}的范围内，请先移除这些对象再更换组织。");
        }
        var before = Summary(campaign);
        campaign.OrganizationId = org.Id;
        campaign.Organization = org;
        Apply(campaign, input);
        audit.Add(AuditActions.CampaignUpdate, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"修改基本信息：{before} → {Summary(campaign)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    public async Task<CommandResult> DeleteAsync(int id)
    {
        var campaign = await scope.FindCampaignAsync(id);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        if (campaign.State != CampaignState.Draft)
        {
            return CommandResult.Fail("只能删除草稿状态的评议活动；已开始的活动请结束并归档。");
        }
        db.Campaigns.Remove(campaign);
        audit.Add(AuditActions.CampaignDelete, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"{campaign.Name}（{campaign.Year}年），{campaign.Organization!.Name}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    public async Task<CommandResult> ExtendAsync(int id, DateOnly endsOn)
    {
        var campaign = await scope.FindCampaignAsync(id);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var old = campaign.EndsOn;
        if (CampaignRules.ExtendPeriod(campaign, endsOn) is { } error)
        {
            return CommandResult.Fail(error);
        }
        audit.Add(AuditActions.CampaignExtend, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"{campaign.Name}：评议期结束日期 {Date(old)} → {Date(campaign.EndsOn)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    /// <summary>
    /// Moves the campaign along its lifecycle. Opening checks the whole plan and freezes the form
    /// versions it uses, in the same SaveChanges as the new state. Publishing starts the default notice.
    /// </summary>
    public async Task<CommandResult> TransitionAsync(int id, CampaignState to)
    {
        if (to == CampaignState.Published)
        {
            // 公示 is a notice of its own: a bare transition starts the default one rather than bypass it.
            var published = await publications.PublishAsync(id, Publishing.PublicationInput.Default);
            return published.Succeeded ? CommandResult.Ok(id) : published;
        }
        var campaign = await CampaignPlan.FindAsync(db, scope, id);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var from = campaign.State;
        if (CampaignRules.Transition(campaign, to, Now, Today) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var frozen = to == CampaignState.Open
            ? $"，冻结测评表版本：{string.Join("、", campaign.Assignments.Select(a => a.FormVersion).OfType<Domain.Forms.FormVersion>().DistinctBy(v => v.Id).Select(v => $"{v.Title}第{v.Number}版"))}"
            : "";
        audit.Add(AuditActions.CampaignTransition, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"{campaign.Name}：{CampaignLabels.Of(from)} → {CampaignLabels.Of(to)}{frozen}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(campaign.Id);
    }

    private static string? CheckDetails(CampaignInput input)
    {
        var errors = CampaignRules.CheckDetails(input.Name, input.Year, input.Theme, input.StartsOn, input.EndsOn, input.MinGroupSize);
        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    private static void Apply(Campaign campaign, CampaignInput input)
    {
        campaign.Name = input.Name!.Trim();
        campaign.Year = input.Year;
        campaign.Theme = string.IsNullOrWhiteSpace(input.Theme) ? null : input.Theme.Trim();
        campaign.StartsOn = input.StartsOn;
        campaign.EndsOn = input.EndsOn;
        campaign.MinGroupSize = input.MinGroupSize;
    }

    private static string SubjectPath(CampaignSubject s) => s.Organization?.Path ?? s.Member!.Organization!.Path;

    private static string Summary(Campaign c) =>
        $"{c.Name}，{c.Year}年，{c.Organization?.Name}，主题：{c.Theme ?? "（无）"}，评议期 {Period(c)}，最小分组人数{c.MinGroupSize}";

    private static string Period(Campaign c) => $"{Date(c.StartsOn)} 至 {Date(c.EndsOn)}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
