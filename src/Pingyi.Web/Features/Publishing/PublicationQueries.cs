using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Publishing;

/// <summary>A notice in the administrator's list.</summary>
public sealed record PublicationRow(int Id, int CampaignId, string Campaign, DateOnly StartsOn, DateOnly EndsOn, PublicationState State,
    int DaysLeft, int Pending);

/// <summary>An objection as the administrator handles it; its receipt never leaves the database.</summary>
public sealed record ObjectionRow(Guid Id, string? Subject, string Text, DateOnly ReceivedOn, ObjectionState State, string? Answer,
    DateOnly? AnsweredOn, string? AnsweredBy);

/// <summary>The caller's notices: those of campaigns run inside the subtree.</summary>
public sealed class PublicationQueries(AppDbContext db, OrgScope scope, TimeProvider clock)
{
    public async Task<List<PublicationRow>> ListAsync()
    {
        var campaigns = await scope.CampaignsAsync();
        var rows = await db.Publications.AsNoTracking()
            .Join(campaigns, p => p.CampaignId, c => c.Id, (p, c) => new
            {
                Publication = p,
                Campaign = c.Name,
                Pending = db.Objections.Count(o => o.PublicationId == p.Id && o.State == ObjectionState.Pending),
            })
            .OrderByDescending(r => r.Publication.Id)
            .ToListAsync();
        var calendar = await Calendars.LoadAsync(db);
        var today = CampaignPlan.Today(clock);
        return rows.Select(r => new PublicationRow(r.Publication.Id, r.Publication.CampaignId, r.Campaign, r.Publication.StartsOn,
            r.Publication.EndsOn, r.Publication.State, PublicationRules.DaysLeft(r.Publication, today, calendar), r.Pending)).ToList();
    }

    /// <summary>The campaign's notice that is not withdrawn, if any.</summary>
    public Task<int?> ActiveOfAsync(int campaignId) =>
        db.Publications.Where(p => p.CampaignId == campaignId && p.State != PublicationState.Withdrawn)
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();

    public async Task<List<ObjectionRow>> ObjectionsAsync(int publicationId) =>
        (await db.Objections.AsNoTracking().Where(o => o.PublicationId == publicationId)
            .Select(o => new
            {
                o.Id,
                Subject = db.CampaignSubjects.Where(s => s.Id == o.SubjectId)
                    .Select(s => s.Member != null ? s.Member.Name : s.Organization!.Name).FirstOrDefault(),
                o.Text,
                o.ReceivedOn,
                o.State,
                o.Answer,
                o.AnsweredOn,
                o.AnsweredBy,
            })
            .ToListAsync())
        // Pending first; within a state by day, then by text: never by id or insertion order, which say nothing and must not.
        .OrderBy(o => o.State == ObjectionState.Pending ? 0 : 1).ThenBy(o => o.ReceivedOn).ThenBy(o => o.Text, StringComparer.Ordinal)
        .Select(o => new ObjectionRow(o.Id, o.Subject, o.Text, o.ReceivedOn, o.State, o.Answer, o.AnsweredOn, o.AnsweredBy)).ToList();

    public async Task<int> DaysLeftAsync(Publication publication) =>
        PublicationRules.DaysLeft(publication, CampaignPlan.Today(clock), await Calendars.LoadAsync(db));
}
