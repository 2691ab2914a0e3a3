using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Oversight;

public sealed record LoopFigureRow(int OrganizationId, string Name, LoopFigureSet Figures);

/// <summary>The loop figures of a subtree, in total and for each child organisation's subtree.</summary>
public sealed record LoopFiguresView(
    int? OrganizationId, string Name, int? CampaignId, int? Year, LoopFigureSet Total, IReadOnlyList<LoopFigureRow> Children);

/// <summary>
/// Loads the facts of a subtree and hands them to <see cref="LoopFigures"/>. What counts for the
/// subtree: opinions about an organisation in it, problems owned in it and measures carried out in
/// it; the campaign filter applies to the opinion's, problem's and measure's problem's campaign, the
/// year to the day an opinion was received, a problem created (UTC) and a measure set.
/// </summary>
public sealed class LoopFiguresQuery(AppDbContext db, OrgScope scope, TimeProvider clock)
{
    private sealed record OrgRow(int Id, string Name, string Path, int? ParentId, int SortOrder);

    private sealed record OpinionRow(int OrganizationId, OpinionFact Fact);

    private sealed record MeasureRow(int OrganizationId, MeasureFact Fact);

    /// <summary>Null when the organisation or campaign lies outside the caller's scope (the refusal is audited).</summary>
    public async Task<LoopFiguresView?> LoadAsync(int? organizationId, int? campaignId, int? year)
    {
        string path;
        int? rootId = null;
        var name = "全部组织";
        if (organizationId is { } id)
        {
            if (await scope.FindOrganizationAsync(id) is not { } root)
            {
                return null;
            }
            (path, rootId, name) = (root.Path, root.Id, root.Name);
        }
        else if (scope.RootId is { } own && await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == own) is { } root)
        {
            (path, rootId, name) = (root.Path, root.Id, root.Name);
        }
        else if (scope.IsSystemAdmin)
        {
            path = "/";
        }
        else
        {
            return null;
        }
        if (campaignId is { } cid && !await (await scope.CampaignsReachingAsync()).AnyAsync(c => c.Id == cid))
        {
            await scope.DenyAsync("Campaign", cid);
            return null;
        }
        if (year is < 2000 or > 2100)
        {
            year = null;
        }

        var orgs = await db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(path))
            .Select(o => new OrgRow(o.Id, o.Name, o.Path, o.ParentId, o.SortOrder)).ToListAsync();
        var orgIds = db.Organizations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);

        var opinions = db.Opinions.AsNoTracking().Where(o => orgIds.Contains(o.OrganizationId));
        var problems = db.Problems.AsNoTracking().Where(p => orgIds.Contains(p.OrganizationId));
        var measures = db.Measures.AsNoTracking().Where(m => orgIds.Contains(m.ResponsibleOrganizationId));
        if (campaignId is { } campaign)
        {
            opinions = opinions.Where(o => o.CampaignId == campaign);
            problems = problems.Where(p => p.CampaignId == campaign);
            measures = measures.Where(m => db.Problems.Any(p => p.Id == m.ProblemId && p.CampaignId == campaign));
        }
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y + 1, 1, 1));
            var (fromUtc, toUtc) = (new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(y + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            opinions = opinions.Where(o => o.ReceivedOn >= from && o.ReceivedOn < to);
            problems = problems.Where(p => p.CreatedUtc >= fromUtc && p.CreatedUtc < toUtc);
            measures = measures.Where(m => m.SetOn >= from && m.SetOn < to);
        }

        var replied = db.Opinions.Where(o => o.Reply != null || db.Problems.Any(p => p.Id == o.ProblemId && p.Reply != null)).Select(o => o.Id);
        var opinionRows = await opinions
            .Select(o => new
            {
                o.Id,
                o.OrganizationId,
                o.Source,
                o.MergedIntoId,
                // Merged into an opinion answered elsewhere in the tree: that answer reaches this one too.
                Replied = replied.Contains(o.Id) || (o.MergedIntoId != null && replied.Contains(o.MergedIntoId.Value)),
                o.ReRating,
            }).ToListAsync();
        var opinionFacts = opinionRows
            .Select(o => new OpinionRow(o.OrganizationId, new OpinionFact(o.Id, o.Source, o.MergedIntoId, o.Replied, o.ReRating))).ToList();
        var problemOrgs = await problems.Select(p => p.OrganizationId).ToListAsync();
        var measureFacts = (await measures.Select(m => new { m.ResponsibleOrganizationId, m.State, m.SetOn, m.Deadline, m.VerifiedOn }).ToListAsync())
            .Select(m => new MeasureRow(m.ResponsibleOrganizationId, new MeasureFact(m.State, m.SetOn, m.Deadline, m.VerifiedOn))).ToList();

        var calendar = await Calendars.LoadAsync(db);
        var today = CampaignPlan.Today(clock);
        LoopFigureSet Of(Func<int, bool> inside) => LoopFigures.Compute(
            opinionFacts.Where(o => inside(o.OrganizationId)).Select(o => o.Fact).ToList(),
            problemOrgs.Count(inside),
            measureFacts.Where(m => inside(m.OrganizationId)).Select(m => m.Fact).ToList(),
            today, calendar);

        var pathOf = orgs.ToDictionary(o => o.Id, o => o.Path);
        var children = orgs.Where(o => o.ParentId == rootId).OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(c => new LoopFigureRow(c.Id, c.Name, Of(id => OrganizationTree.IsWithin(pathOf[id], c.Path))))
            .ToList();
        return new LoopFiguresView(rootId, name, campaignId, year, Of(_ => true), children);
    }
}
