using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Corrections;

/// <summary>A new 限期改正: from a confirmed 软弱涣散 flag, or by hand for an organisation.</summary>
public sealed record CorrectionInput(int? FlagId, int? OrganizationId, string? Requirements, int DeadlineDays = WorkCalendar.DefaultDeadlineDays);

public sealed record CorrectionRow(CorrectionPlan Plan, string OrganizationName, string ResponsibleName, string StateLabel, bool IsOverdue);

/// <summary>
/// 限期改正 (correction plans of weak organisations). Only a superior of the weak organisation sets
/// one, with the weak organisation's parent as the responsible organisation; the weak organisation
/// itself reports; the superior closes it or sends it back. Every transition goes through
/// <see cref="MeasureStates.Apply"/>, and a lost race answers in Chinese rather than failing.
/// </summary>
public sealed class CorrectionCommands(AppDbContext db, OrgScope scope, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const string Conflict = "已被他人处理，请刷新后重试。";

    private DateOnly Today => CampaignPlan.Today(clock);

    public async Task<List<CorrectionRow>> ListAsync()
    {
        var plans = await (await scope.CorrectionPlansAsync()).AsNoTracking()
            .OrderByDescending(c => c.SetOn).ThenByDescending(c => c.Id).ToListAsync();
        var ids = plans.SelectMany(p => new[] { p.OrganizationId, p.ResponsibleOrganizationId }).Distinct().ToList();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var today = Today;
        return [.. plans.Select(p => new CorrectionRow(p, names[p.OrganizationId], names[p.ResponsibleOrganizationId],
            MeasureStates.LabelOf(p.State, p.Deadline, today), MeasureStates.IsOverdue(p.State, p.Deadline, today)))];
    }

    public async Task<CorrectionRow?> FindAsync(int id)
    {
        var plan = await scope.FindCorrectionPlanAsync(id);
        if (plan is null)
        {
            return null;
        }
        var names = await db.Organizations.Where(o => o.Id == plan.OrganizationId || o.Id == plan.ResponsibleOrganizationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        return new CorrectionRow(plan, names[plan.OrganizationId], names[plan.ResponsibleOrganizationId],
            MeasureStates.LabelOf(plan.State, plan.Deadline, Today), MeasureStates.IsOverdue(plan.State, plan.Deadline, Today));
    }

    /// <summary>A confirmed flag of this kind on an organisation in scope, or null (refusal audited).</summary>
    public Task<OrganizationFlag?> FindWeakFlagAsync(int flagId) => FlagTargets.FindConfirmedAsync(db, scope, OrganizationFlagKind.Weak, flagId);

    public async Task<CommandResult> CreateAsync(CorrectionInput input)
    {
        var (flag, org, refusal) = await FlagTargets.ResolveAsync(db, scope, OrganizationFlagKind.Weak, input.FlagId, input.OrganizationId,
            "请选择需要限期改正的组织。", "只有上级组织可以对该组织制定限期改正。");
        if (refusal is not null || org is null)
        {
            return refusal ?? CommandResult.Missing;
        }
        if (org.ParentId is not { } responsibleId)
        {
            return CommandResult.Fail("该组织没有上级组织，无法确定责任组织。");
        }
        var requirements = input.Requirements?.Trim();
        if (string.IsNullOrEmpty(requirements))
        {
            return CommandResult.Fail("请填写整改要求。");
        }
        if (requirements.Length > CorrectionPlan.TextMaxLength)
        {
            return CommandResult.Fail($"整改要求不能超过{CorrectionPlan.TextMaxLength}字。");
        }
        if (input.DeadlineDays is < 1 or > WorkCalendar.MaxDeadlineDays)
        {
            return CommandResult.Fail($"整改时限须为1至{WorkCalendar.MaxDeadlineDays}个工作日。");
        }
        var flagKey = flag?.Id;
        if (await db.CorrectionPlans.AnyAsync(c => c.OrganizationId == org.Id && c.FlagId == flagKey && c.State != MeasureState.Verified))
        {
            return CommandResult.Fail("该组织已有尚未完成的限期改正。");
        }
        var calendar = await Calendars.LoadAsync(db);
        var plan = new CorrectionPlan
        {
            OrganizationId = org.Id,
            ResponsibleOrganizationId = responsibleId,
            CampaignId = flag?.CampaignId,
            FlagId = flag?.Id,
            Requirements = requirements,
            SetOn = Today,
            DeadlineDays = input.DeadlineDays,
            Deadline = calendar.AddWorkingDays(Today, input.DeadlineDays),
            CreatedBy = http.UserName(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CorrectionPlans.Add(plan);
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        audit.Add(AuditActions.CorrectionPlanCreate, AuditOutcome.Success, "CorrectionPlan", Id(plan.Id),
            $"{org.Name}，{input.DeadlineDays}个工作日，期限{CampaignText.Format(plan.Deadline)}{(flag is null ? "（手工）" : "（软弱涣散认定）")}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(plan.Id);
    }

    /// <summary>The weak organisation reports what it corrected (its own side; its superior judges).</summary>
    public async Task<CommandResult> ReportAsync(int id, string? report)
    {
        var plan = await scope.FindCorrectionPlanAsync(id);
        if (plan is null)
        {
            return CommandResult.Missing;
        }
        if (!scope.IsSystemAdmin && scope.RootId != plan.OrganizationId)
        {
            return CommandResult.Fail("整改情况由被限期改正的组织报告。");
        }
        var text = report?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return CommandResult.Fail("请填写整改报告。");
        }
        if (text.Length > CorrectionPlan.TextMaxLength)
        {
            return CommandResult.Fail($"整改报告不能超过{CorrectionPlan.TextMaxLength}字。");
        }
        return await MoveAsync(plan, MeasureAction.Submit, AuditActions.CorrectionPlanReport, "提交整改报告", p =>
        {
            p.Report = text;
            p.ReportedOn = Today;
        });
    }

    /// <summary>The superior closes the plan (验收) or sends it back, with a conclusion either way.</summary>
    public async Task<CommandResult> JudgeAsync(int id, bool passed, string? conclusion)
    {
        var plan = await scope.FindCorrectionPlanAsync(id);
        if (plan is null)
        {
            return CommandResult.Missing;
        }
        var org = await db.Organizations.SingleAsync(o => o.Id == plan.OrganizationId);
        if (!await scope.IsSuperiorOfAsync(org))
        {
            return CommandResult.Fail("只有上级组织可以验收或退回限期改正。");
        }
        var text = conclusion?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return CommandResult.Fail(passed ? "请填写验收结论。" : "请填写退回理由。");
        }
        if (text.Length > CorrectionPlan.TextMaxLength)
        {
            return CommandResult.Fail($"结论不能超过{CorrectionPlan.TextMaxLength}字。");
        }
        return passed
            ? await MoveAsync(plan, MeasureAction.Verify, AuditActions.CorrectionPlanClose, "验收通过", p =>
            {
                p.Conclusion = text;
                p.ClosedOn = Today;
            })
            : await MoveAsync(plan, MeasureAction.SendBack, AuditActions.CorrectionPlanSendBack, "退回", p =>
            {
                p.Conclusion = text;
                p.SentBackCount++;
            });
    }

    private async Task<CommandResult> MoveAsync(CorrectionPlan plan, MeasureAction action, string auditAction, string what, Action<CorrectionPlan> change)
    {
        var (next, error) = MeasureStates.Apply(plan.State, action);
        if (next is null)
        {
            return CommandResult.Fail(error!);
        }
        var before = MeasureStates.Labels[plan.State];
        plan.State = next.Value;
        change(plan);
        audit.Add(auditAction, AuditOutcome.Success, "CorrectionPlan", Id(plan.Id), $"{what}：{before} → {MeasureStates.Labels[plan.State]}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Fail(Conflict);
        }
        return CommandResult.Ok(plan.Id);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
