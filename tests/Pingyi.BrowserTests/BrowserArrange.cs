using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.BrowserTests;

/// <summary>Arrangements several browser tests share.</summary>
internal static class BrowserArrange
{
    /// <summary>A bureau with one hospital below it, codes <paramref name="code"/>-BUR and <paramref name="code"/>-H.</summary>
    public static async Task<(Organization Bureau, Organization Hospital)> BureauWithHospitalAsync(AppDbContext db, string code, string bureauName, string hospitalName)
    {
        var bureau = new Organization { Code = code + "-BUR", Name = bureauName, Kind = OrganizationKind.Bureau, UnitType = UnitType.Bureau, CreatedUtc = DateTime.UtcNow };
        db.Organizations.Add(bureau);
        await db.SaveChangesAsync();
        bureau.Path = OrganizationTree.PathOf(null, bureau.Id);
        var unit = new Organization { Code = code + "-H", Name = hospitalName, Kind = OrganizationKind.Unit, UnitType = UnitType.Hospital, ParentId = bureau.Id, CreatedUtc = DateTime.UtcNow };
        db.Organizations.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = OrganizationTree.PathOf(bureau.Path, unit.Id);
        return (bureau, unit);
    }

    /// <summary>A one-section satisfaction form: a 3-level 总体评价, and an optional 意见建议 text when asked for.</summary>
    public static FormVersion SatisfactionForm(bool withRemark)
    {
        List<FormItem> items = [new FormItem { Position = 1, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = "总体评价", Scale = GradeScale.Satisfaction3 }];
        if (withRemark)
        {
            items.Add(new FormItem { Position = 2, Key = FormRules.NewKey(), Kind = ItemKind.Text, Text = "意见建议", Required = false, MaxLength = 300 });
        }
        return new FormVersion
        {
            Number = 1,
            Title = "群众满意度测评表",
            CreatedUtc = DateTime.UtcNow,
            FrozenUtc = DateTime.UtcNow,
            Sections = [new FormSection { Position = 1, Items = items }],
        };
    }

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
