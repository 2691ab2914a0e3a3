using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Publishing;

/// <summary>What the publish form carries; <see cref="Default"/> is the notice a bare "公示" starts.</summary>
public sealed record PublicationInput(string? Note, int NoticeDays, bool ShowProblems)
{
    public static readonly PublicationInput Default = new(null, Publication.DefaultNoticeDays, true);
}

/// <summary>
/// Publishing, finalising and withdrawing a notice and answering its objections, shared by the pages
/// and the campaign's own transition. Only a campaign run inside the caller's subtree is published
/// here. Audit rows name the notice, never an objection, its text or a receipt.
/// </summary>
public sealed class PublicationCommands(AppDbContext db, OrgScope scope, AuditLog audit, IHttpContextAccessor http, TimeProvider clock,
    ResultsCache cache)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => CampaignPlan.Today(clock);

    /// <summary>Starts the notice and moves the campaign to 已公示; the result's id is the publication's.</summary>
    public async Task<CommandResult> PublishAsync(int campaignId, PublicationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = await scope.FindCampaignAsync(campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var hasActive = await db.Publications.AnyAsync(p => p.CampaignId == campaignId && p.State != PublicationState.Withdrawn);
        var calendar = await Calendars.LoadAsync(db);
        var from = campaign.State;
        var (publication, error) = PublicationRules.Publish(campaign, hasActive, input.Note, input.NoticeDays, input.ShowProblems,
            http.UserName(), Now, Today, calendar);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        // Only one of two administrators publishing at once moves the campaign off 已结束; the other stores nothing.
        var moved = await db.Campaigns.Where(c => c.Id == campaign.Id && c.State == CampaignState.Closed)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, CampaignState.Published).SetProperty(c => c.PublishedUtc, campaign.PublishedUtc));
        if (moved == 0)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail(PublicationRules.Raced);
        }
        // Already stored by the update above: SaveChanges must not write the campaign again.
        var entry = db.Entry(campaign);
        entry.OriginalValues.SetValues(entry.CurrentValues);
        db.Publications.Add(publication!);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.CampaignTransition, AuditOutcome.Success, "Campaign", Id(campaign.Id),
            $"{campaign.Name}：{CampaignLabels.Of(from)} → {CampaignLabels.Of(campaign.State)}");
        audit.Add(AuditActions.PublicationPublish, AuditOutcome.Success, "Publication", Id(publication!.Id),
            $"{campaign.Name}：公示期{publication.NoticeDays}个工作日，{Date(publication.StartsOn)} 至 {Date(publication.EndsOn)}，{(publication.ShowProblems ? "公开" : "不公开")}问题整改情况");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        // The public page reads the results through the cache; a fresh entry keeps it in step with the state.
        cache.Forget(campaign.Id);
        return CommandResult.Ok(publication.Id);
    }

    public async Task<CommandResult> FinalizeAsync(int id)
    {
        if (await FindAsync(id) is not { } found)
        {
            return CommandResult.Missing;
        }
        var (publication, campaign) = found;
        var pending = await db.Objections.CountAsync(o => o.PublicationId == id && o.State == ObjectionState.Pending);
        if (PublicationRules.Finalize(publication, Today, pending, http.UserName(), Now) is { } error)
        {
            return CommandResult.Fail(error);
        }
        audit.Add(AuditActions.PublicationFinalize, AuditOutcome.Success, "Publication", Id(id), $"{campaign.Name}：公示期满，结果确认生效");
        return await SaveAsync(id);
    }

    public async Task<CommandResult> WithdrawAsync(int id, string? reason)
    {
        if (await FindAsync(id) is not { } found)
        {
            return CommandResult.Missing;
        }
        var (publication, campaign) = found;
        if (PublicationRules.Withdraw(publication, campaign, reason, http.UserName(), Now) is { } error)
        {
            return CommandResult.Fail(error);
        }
        audit.Add(AuditActions.PublicationWithdraw, AuditOutcome.Success, "Publication", Id(id),
            $"{campaign.Name}：撤回公示，活动改为“{CampaignLabels.Of(campaign.State)}”。原因：{publication.WithdrawReason}");
        return await SaveAsync(id);
    }

    /// <summary>Answers one of the notice's pending objections; the audit row names the notice and the verdict only.</summary>
    public async Task<CommandResult> AnswerAsync(int id, Guid objectionId, ObjectionState state, string? answer)
    {
        if (await FindAsync(id) is not { } found)
        {
            return CommandResult.Missing;
        }
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId && o.PublicationId == id);
        if (objection is null)
        {
            return CommandResult.Missing;
        }
        if (found.Publication.State == PublicationState.Withdrawn)
        {
            return CommandResult.Fail("公示已撤回，不能再答复异议。");
        }
        if (PublicationRules.Answer(objection, state, answer, http.UserName(), Today) is { } error)
        {
            return CommandResult.Fail(error);
        }
        audit.Add(AuditActions.ObjectionAnswer, AuditOutcome.Success, "Publication", Id(id),
            $"{found.Campaign.Name}：答复一条异议（{PublicationRules.ObjectionLabels[state]}）");
        return await SaveAsync(id);
    }

    /// <summary>The publication if its campaign is run inside the caller's subtree; otherwise null, with the refusal audited.</summary>
    public async Task<(Publication Publication, Campaign Campaign)?> FindAsync(int id)
    {
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == id);
        var campaigns = await scope.CampaignsAsync();
        var campaign = publication is null ? null
            : await campaigns.Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == publication.CampaignId);
        if (campaign is null)
        {
            await scope.DenyAsync("Publication", id);
            return null;
        }
        return (publication!, campaign);
    }

    private async Task<CommandResult> SaveAsync(int id)
    {
        try
        {
            await db.SaveChangesAsync();
            return CommandResult.Ok(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail(PublicationRules.Raced);
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
