using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Measures;

public sealed record ProblemRow(int Id, string Title, string OrganizationName, string? CampaignName, string? CategoryName,
    int Measures, int Verified, int Overdue, DateTime CreatedUtc)
{
    public ProblemStatus Status => MeasureRules.StatusOf(Measures, Verified, Overdue);
}

public sealed record ProblemFilter(int? CampaignId, string? OrganizationPath, ProblemStatus? Status);

/// <summary>Problems in the caller's scope with their measure counts, for the list page.</summary>
public sealed class ProblemQueries(AppDbContext db, OrgScope scope, TimeProvider clock)
{
    public const int MaxRows = 500;

    public async Task<List<ProblemRow>> ListAsync(ProblemFilter filter)
    {
        var today = CampaignPlan.Today(clock);
        var problems = await scope.ProblemsAsync();
        if (filter.CampaignId is { } campaignId)
        {
            problems = problems.Where(p => p.CampaignId == campaignId);
        }
        if (filter.OrganizationPath is { } path)
        {
            var ids = db.Organizations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
            problems = problems.Where(p => ids.Contains(p.OrganizationId));
        }
        problems = filter.Status switch
        {
            ProblemStatus.NoMeasures => problems.Where(p => !p.Measures.Any()),
            ProblemStatus.Completed => problems.Where(p => p.Measures.Any() && p.Measures.All(m => m.State == MeasureState.Verified)),
            ProblemStatus.InProgress => problems.Where(p => p.Measures.Any(m => m.State != MeasureState.Verified)),
            ProblemStatus.Overdue => problems.Where(p => p.Measures.Any(m => m.State != MeasureState.Verified && m.Deadline < today)),
            _ => problems,
        };
        return await problems
            .OrderByDescending(p => p.Id)
            .Take(MaxRows)
            .Select(p => new ProblemRow(p.Id, p.Title,
                db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).First(),
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.Name).FirstOrDefault(),
                db.OpinionCategories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.Measures.Count,
                p.Measures.Count(m => m.State == MeasureState.Verified),
                p.Measures.Count(m => m.State != MeasureState.Verified && m.Deadline < today),
                p.CreatedUtc))
            .ToListAsync();
    }
}
