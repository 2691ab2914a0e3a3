using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.BrowserTests;

/// <summary>Arrangements several browser tests share.</summary>
internal static class BrowserArrange
{
    /// <summary>
    /// Adds <paramref name="version"/> as a frozen form of <paramref name="organizationId"/> and opens a
    /// campaign in which one group of patients appraises <paramref name="subjects"/> with it; returns a
    /// fresh long code of that group.
    /// </summary>
    public static async Task<string> OpenCampaignWithCodeAsync(IServiceProvider services, AppDbContext db, int organizationId, string name,
        FormVersion version, List<CampaignSubject> subjects)
    {
        db.Forms.Add(new Form { OrganizationId = organizationId, CreatedUtc = DateTime.UtcNow, Versions = [version] });
        var group = new RaterGroup { Kind = RaterGroupKind.ServiceRecipient, PlannedCount = 100, Weight = 100, Position = 1 };
        var today = DateOnly.FromDateTime(DateTime.Now);
        var campaign = new Campaign
        {
            OrganizationId = organizationId,
            Name = name,
            Year = today.Year,
            State = CampaignState.Open,
            StartsOn = today.AddDays(-1),
            EndsOn = today.AddDays(30),
            CreatedUtc = DateTime.UtcNow,
            OpenedUtc = DateTime.UtcNow,
            Subjects = subjects,
            RaterGroups = [group],
            Assignments = [new Assignment { RaterGroup = group, Direction = Direction.ServiceRecipients, FormVersion = version, Subjects = subjects }],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        var batch = new TokenBatch { CampaignId = campaign.Id, RaterGroupId = group.Id, Count = 1, Generated = 1, State = TokenBatchState.Purged, CreatedBy = "test", CreatedUtc = DateTime.UtcNow };
        db.TokenBatches.Add(batch);
        await db.SaveChangesAsync();
        var key = services.GetRequiredService<TokenKey>();
        var longCode = TokenCodes.NewLongCode();
        db.Tokens.Add(new Token
        {
            CampaignId = campaign.Id,
            RaterGroupId = group.Id,
            BatchId = batch.Id,
            LongHash = await key.HashAsync(longCode),
            ShortHash = await key.HashAsync(TokenCodes.NewShortCode()),
        });
        await db.SaveChangesAsync();
        return longCode;
    }
}
