using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Channels;

/// <summary>What an administrator types for a standing channel; the limit is text so that "abc" gets the same rule as 0.</summary>
public sealed record ChannelInput(string? Name, string? DailyLimit, bool Active = true);

/// <summary>
/// Creating and changing standing QR channels (平时评议), shared by pages and API. Everything is
/// looked up through <see cref="OrgScope"/> first; the channel and its audit row are stored together, or nothing.
/// </summary>
public sealed class ChannelCommands(AppDbContext db, OrgScope scope, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const string LimitRule = StandingChannelRules.LimitRule;
    public const string WrongKind = "只能选择类别为“平时评议（扫码）”的评议人类别。";
    public const string CampaignNotOpen = "只能为草稿或进行中的评议活动设置平时评议二维码。";
    public const string OutsideCampaign = "二维码张贴的组织应在评议活动的范围内。";

    public async Task<CommandResult> CreateAsync(int campaignId, int raterGroupId, int organizationId, ChannelInput input)
    {
        var campaign = await (await scope.CampaignsReachingAsync()).Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == campaignId);
        if (campaign is null)
        {
            await scope.DenyAsync("Campaign", campaignId);
            return CommandResult.Missing;
        }
        var org = await scope.FindOrganizationAsync(organizationId);
        if (org is null)
        {
            return CommandResult.Missing;
        }
        if (campaign.State is not (CampaignState.Draft or CampaignState.Open))
        {
            return CommandResult.Fail(CampaignNotOpen);
        }
        var group = await db.RaterGroups.FirstOrDefaultAsync(g => g.Id == raterGroupId && g.CampaignId == campaign.Id);
        if (group is null)
        {
            return CommandResult.Fail("请选择本评议活动的评议人类别。");
        }
        if (group.Kind != RaterGroupKind.StandingChannel)
        {
            return CommandResult.Fail(WrongKind);
        }
        if (!OrganizationTree.IsWithin(org.Path, campaign.Organization!.Path))
        {
            return CommandResult.Fail(OutsideCampaign);
        }
        if (!org.IsActive)
        {
            return CommandResult.Fail("该组织已停用，不能设置二维码。");
        }
        if (StandingChannelRules.Check(input.Name, input.DailyLimit, out var limit) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var name = input.Name!.Trim();
        if (await db.StandingChannels.AnyAsync(c => c.CampaignId == campaign.Id && c.OrganizationId == org.Id && c.Name == name))
        {
            return CommandResult.Fail($"{org.Name}在本活动中已有名为“{name}”的二维码。");
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var channel = new StandingChannel
        {
            CampaignId = campaign.Id,
            RaterGroupId = group.Id,
            OrganizationId = org.Id,
            Name = name,
            Code = await NewCodeAsync(),
            DailyLimit = limit,
            Active = true,
            CreatedBy = http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) is { } user ? user[..Math.Min(user.Length, 256)] : "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.StandingChannels.Add(channel);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.ChannelCreate, AuditOutcome.Success, "StandingChannel", Id(channel.Id),
            $"{org.Name}·{channel.Name}，活动“{campaign.Name}”，类别“{group.Name}”，每台设备每天{limit}次");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(channel.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, ChannelInput input)
    {
        var channel = await scope.FindStandingChannelAsync(id);
        if (channel is null)
        {
            return CommandResult.Missing;
        }
        if (StandingChannelRules.Check(input.Name, input.DailyLimit, out var limit) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var name = input.Name!.Trim();
        if (await db.StandingChannels.AnyAsync(c => c.Id != channel.Id && c.CampaignId == channel.CampaignId
            && c.OrganizationId == channel.OrganizationId && c.Name == name))
        {
            return CommandResult.Fail($"本组织在本活动中已有名为“{name}”的二维码。");
        }
        var before = Describe(channel);
        channel.Name = name;
        channel.DailyLimit = limit;
        channel.Active = input.Active;
        audit.Add(AuditActions.ChannelUpdate, AuditOutcome.Success, "StandingChannel", Id(channel.Id), $"{before} → {Describe(channel)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(channel.Id);
    }

    /// <summary>A fresh public code: 26 base32 characters (≥128 random bits); a clash is practically impossible but checked.</summary>
    private async Task<string> NewCodeAsync()
    {
        while (true)
        {
            var code = TokenCodes.NewLongCode();
            if (!await db.StandingChannels.AnyAsync(c => c.Code == code))
            {
                return code;
            }
        }
    }

    private static string Describe(StandingChannel c) =>
        $"{c.Name}（{(c.Active ? "启用" : "停用")}，每台设备每天{c.DailyLimit}次）";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
