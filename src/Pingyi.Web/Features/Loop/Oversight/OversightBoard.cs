using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Oversight;

public sealed record UrgeLine(string Text, string By, DateTime AtUtc);

/// <summary>A measure on the board: overdue (<see cref="DaysOverdue"/> working days) or due within <see cref="OversightBoard.SoonDays"/> working days.</summary>
public sealed record BoardItem(
    int MeasureId, int ProblemId, string ProblemTitle, string Text, int ResponsibleOrganizationId, string ResponsibleName,
    string ResponsiblePerson, MeasureState State, DateOnly Deadline, int DaysOverdue, int DaysLeft, bool IsOverdue,
    IReadOnlyList<UrgeLine> Urges)
{
    public string StateLabel => IsOverdue ? $"{MeasureStates.Labels[State]}（{MeasureStates.OverdueLabel}）" : MeasureStates.Labels[State];
}

/// <summary>An overdue measure of an organisation below, shown to its superior; <see cref="Reported"/> when it also went one level further up (已上报).</summary>
public sealed record EscalatedItem(BoardItem Item, bool Reported);

public sealed record BoardGroup(int OrganizationId, string Name, IReadOnlyList<BoardItem> Items);

public sealed record BoardView(int? OrganizationId, string Name, DateOnly Today, IReadOnlyList<BoardGroup> Groups, IReadOnlyList<EscalatedItem> Escalated);

/// <summary>
/// 督办台: the overdue and soon-due measures of a subtree, and 逐级上报 (derived, never stored): an
/// overdue measure is shown to the superior of its responsible organisation under 下级逾期事项, and
/// once more than <see cref="ReportAfterDays"/> working days overdue to the superior's superior
/// too, marked 已上报. A superior may press a measure (督办), shown on the responsible side as 上级督办.
/// </summary>
public sealed class OversightBoard(AppDbContext db, OrgScope scope, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const int SoonDays = 5;
    public const int ReportAfterDays = 10;

    private sealed record OrgRow(int Id, string Name, string Path, int? ParentId);

    /// <summary>The board of <paramref name="organizationId"/> (default: the scope's root); null outside the scope.</summary>
    public async Task<BoardView?> LoadAsync(int? organizationId)
    {
        var (rootId, name, path) = await RootAsync(organizationId);
        if (path is null)
        {
            return null;
        }
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(path))
            .Select(o => new OrgRow(o.Id, o.Name, o.Path, o.ParentId)).ToDictionaryAsync(o => o.Id);
        var orgIds = db.Organizations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
        var rows = await db.Measures.AsNoTracking()
            .Where(m => m.State != MeasureState.Verified && orgIds.Contains(m.ResponsibleOrganizationId))
            .Select(m => new
            {
                m.Id,
                m.ProblemId,
                ProblemTitle = db.Problems.Where(p => p.Id == m.ProblemId).Select(p => p.Title).First(),
                m.Text,
                m.ResponsibleOrganizationId,
                m.ResponsiblePerson,
                m.State,
                m.Deadline,
            }).ToListAsync();

        var calendar = await Calendars.LoadAsync(db);
        var today = CampaignPlan.Today(clock);
        var shown = rows.Where(m => MeasureStates.IsOverdue(m.State, m.Deadline, today)
            || (m.Deadline >= today && calendar.WorkingDaysBetween(today, m.Deadline) <= SoonDays)).ToList();
        var ids = shown.Select(m => m.Id).ToList();
        var urges = (await db.MeasureNotes.AsNoTracking().Where(n => n.Kind == MeasureNoteKind.Urged && ids.Contains(n.MeasureId))
                .Select(n => new { n.MeasureId, n.Text, n.By, n.AtUtc }).ToListAsync())
            .OrderBy(n => n.AtUtc).ToLookup(n => n.MeasureId, n => new UrgeLine(n.Text, n.By, n.AtUtc));

        var items = shown.Select(m =>
        {
            var overdue = MeasureStates.IsOverdue(m.State, m.Deadline, today);
            return new BoardItem(m.Id, m.ProblemId, m.ProblemTitle, m.Text, m.ResponsibleOrganizationId,
                orgs[m.ResponsibleOrganizationId].Name, m.ResponsiblePerson, m.State, m.Deadline,
                overdue ? calendar.WorkingDaysBetween(m.Deadline, today) : 0,
                overdue ? 0 : calendar.WorkingDaysBetween(today, m.Deadline), overdue, [.. urges[m.Id]]);
        }).OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Deadline).ThenBy(i => i.MeasureId).ToList();

        var groups = items.GroupBy(i => i.ResponsibleOrganizationId)
            .Select(g => new BoardGroup(g.Key, orgs[g.Key].Name, [.. g]))
            .OrderBy(g => orgs[g.OrganizationId].Path, StringComparer.Ordinal).ToList();

        int? ParentOf(int id) => orgs.TryGetValue(id, out var o) ? o.ParentId : null;
        var escalated = new List<EscalatedItem>();
        foreach (var item in items.Where(i => i.IsOverdue))
        {
            var superior = ParentOf(item.ResponsibleOrganizationId);
            if (superior is null || rootId is null)
            {
                continue;
            }
            if (superior == rootId)
            {
                escalated.Add(new EscalatedItem(item, false));
            }
            else if (item.DaysOverdue > ReportAfterDays && ParentOf(superior.Value) == rootId)
            {
                escalated.Add(new EscalatedItem(item, true));
            }
        }
        return new BoardView(rootId, name, today, groups, escalated);
    }

    /// <summary>督办: a superior of the responsible organisation presses a measure not yet verified.</summary>
    public async Task<CommandResult> UrgeAsync(int measureId, string? text)
    {
        var measure = await scope.FindMeasureAsync(measureId);
        if (measure is null)
        {
            return CommandResult.Missing;
        }
        var responsible = await db.Organizations.SingleAsync(o => o.Id == measure.ResponsibleOrganizationId);
        if (!await scope.IsSuperiorOfAsync(responsible))
        {
            return CommandResult.Fail("只有责任组织的上级组织可以督办。");
        }
        if (measure.State == MeasureState.Verified)
        {
            return CommandResult.Fail("该整改措施已验收，无需督办。");
        }
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return CommandResult.Fail("请填写督办意见。");
        }
        if (trimmed.Length > MeasureNote.TextMaxLength)
        {
            return CommandResult.Fail($"督办意见不能超过{MeasureNote.TextMaxLength}字。");
        }
        db.MeasureNotes.Add(new MeasureNote
        {
            MeasureId = measure.Id,
            Kind = MeasureNoteKind.Urged,
            Text = trimmed,
            By = http.UserName(),
            AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Add(AuditActions.MeasureUrge, AuditOutcome.Success, "Measure", measure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"督办{responsible.Name}：{trimmed}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(measure.Id);
    }

    private async Task<(int? Id, string Name, string? Path)> RootAsync(int? organizationId)
    {
        if (organizationId is { } id)
        {
            return await scope.FindOrganizationAsync(id) is { } org ? (org.Id, org.Name, org.Path) : (null, "", null);
        }
        if (scope.RootId is { } own)
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == own);
            return org is null ? (null, "", null) : (org.Id, org.Name, org.Path);
        }
        return scope.IsSystemAdmin ? (null, "全部组织", "/") : (null, "", null);
    }
}
