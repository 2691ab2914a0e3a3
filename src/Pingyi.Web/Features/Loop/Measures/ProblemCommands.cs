using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Measures;

public sealed record ProblemInput(string? Title, string? Description, int OrganizationId, int? CampaignId, int? CategoryId);

public sealed record MeasureInput(string? Text, int ResponsibleOrganizationId, string? ResponsiblePerson, int? DeadlineDays);

/// <summary>
/// 查找问题 and 制定整改措施. Every id is looked up through <see cref="OrgScope"/> first; the problem,
/// the opinions it is found from (with every opinion merged into them) and the audit row are stored
/// in one transaction, or nothing is. Opinion texts and ids are never audited: a ballot's remark must
/// stay unlinkable.
/// </summary>
public sealed class ProblemCommands(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Conflict = "已被他人处理，请刷新后重试。";

    private string UserName => http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "";

    /// <summary>The opinions a problem may be found from, or NotFound (one is out of scope), or the reason one cannot be used.</summary>
    public async Task<(List<Opinion> Opinions, CommandResult? Refusal)> OpinionsAsync(IReadOnlyCollection<Guid> ids)
    {
        var opinions = new List<Opinion>();
        foreach (var id in ids.Distinct())
        {
            if (await scope.FindOpinionAsync(id) is not { } opinion)
            {
                return ([], CommandResult.Missing);
            }
            if (opinion.MergedIntoId is not null)
            {
                return ([], CommandResult.Fail("所选意见已合并到另一条意见，请选择合并后保留的那条意见。"));
            }
            if (opinion.ProblemId is not null)
            {
                return ([], CommandResult.Fail("所选意见已经查找出问题，不能再用于新的问题。"));
            }
            opinions.Add(opinion);
        }
        return (opinions, null);
    }

    public async Task<CommandResult> CreateAsync(ProblemInput input, IReadOnlyCollection<Guid> opinionIds)
    {
        if (opinionIds.Count > 200)
        {
            return CommandResult.Fail("一个问题最多关联200条意见。");
        }
        var (opinions, refusal) = await OpinionsAsync(opinionIds);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await scope.FindOrganizationAsync(input.OrganizationId) is not { } org)
        {
            return CommandResult.Missing;
        }
        if (input.CampaignId is { } campaignId && !await (await scope.CampaignsReachingAsync()).AnyAsync(c => c.Id == campaignId))
        {
            await scope.DenyAsync("Campaign", campaignId);
            return CommandResult.Missing;
        }
        var errors = MeasureRules.CheckProblem(input.Title, input.Description);
        if (!org.IsActive)
        {
            errors.Add("该组织已停用，不能再为它查找问题。");
        }
        if (input.CategoryId is { } categoryId && !await db.OpinionCategories.AnyAsync(c => c.Id == categoryId && c.IsActive))
        {
            errors.Add("请选择有效的意见类别。");
        }
        if (errors.Count > 0)
        {
            return CommandResult.Fail(string.Join(" ", errors));
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var problem = new Problem
        {
            OrganizationId = org.Id,
            CampaignId = input.CampaignId,
            CategoryId = input.CategoryId,
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
            CreatedBy = Truncate(UserName, 256),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        var ids = opinions.Select(o => o.Id).ToList();
        // Conditional on "still free": an opinion taken by another problem meanwhile makes the count fall short.
        var taken = await db.Opinions.Where(o => ids.Contains(o.Id) && o.ProblemId == null && o.MergedIntoId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProblemId, (int?)problem.Id));
        if (taken != ids.Count)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            return CommandResult.Fail(Conflict);
        }
        var merged = await MergedIntoAsync(ids);
        await db.Opinions.Where(o => merged.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProblemId, (int?)problem.Id));
        audit.Add(AuditActions.ProblemCreate, AuditOutcome.Success, "Problem", Id(problem.Id),
            $"“{problem.Title}”，{org.Name}，依据意见{ids.Count + merged.Count}条");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(problem.Id);
    }

    /// <summary>
    /// Adds a measure to a problem the caller sees, carried out by the problem's owner or an
    /// organisation below it that lies in the caller's scope; the deadline counts working days from today.
    /// </summary>
    public async Task<CommandResult> AddMeasureAsync(int problemId, MeasureInput input)
    {
        if (await scope.FindProblemAsync(problemId) is not { } problem)
        {
            return CommandResult.Missing;
        }
        if (await scope.FindOrganizationAsync(input.ResponsibleOrganizationId) is not { } org)
        {
            return CommandResult.Missing;
        }
        var owner = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == problem.OrganizationId);
        var errors = MeasureRules.CheckMeasure(input.Text, input.ResponsiblePerson, input.DeadlineDays);
        if (!OrganizationTree.IsWithin(org.Path, owner.Path))
        {
            errors.Add($"责任组织应为{owner.Name}或其下级组织。");
        }
        else if (!org.IsActive)
        {
            errors.Add("责任组织已停用。");
        }
        if (errors.Count > 0)
        {
            return CommandResult.Fail(string.Join(" ", errors));
        }
        var today = CampaignPlan.Today(clock);
        var measure = new Measure
        {
            ProblemId = problem.Id,
            Text = input.Text!.Trim(),
            ResponsibleOrganizationId = org.Id,
            ResponsiblePerson = input.ResponsiblePerson!.Trim(),
            SetOn = today,
            DeadlineDays = input.DeadlineDays!.Value,
            Deadline = (await Calendars.LoadAsync(db)).AddWorkingDays(today, input.DeadlineDays.Value),
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.MeasureCreate, AuditOutcome.Success, "Measure", Id(measure.Id),
            $"问题“{problem.Title}”：{org.Name}，责任人{measure.ResponsiblePerson}，{measure.DeadlineDays}个工作日，截止{CampaignText.Format(measure.Deadline)}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(measure.Id);
    }

    /// <summary>Every opinion merged, directly or through others, into one of <paramref name="ids"/>.</summary>
    private async Task<List<Guid>> MergedIntoAsync(List<Guid> ids)
    {
        var all = new List<Guid>();
        var frontier = ids;
        while (frontier.Count > 0 && all.Count < 10_000)
        {
            var front = frontier;
            frontier = await db.Opinions.Where(o => o.MergedIntoId != null && front.Contains(o.MergedIntoId.Value))
                .Select(o => o.Id).ToListAsync();
            frontier.RemoveAll(id => all.Contains(id) || ids.Contains(id));
            all.AddRange(frontier);
        }
        return all;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
