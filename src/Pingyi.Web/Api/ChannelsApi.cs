using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Channels;

namespace Pingyi.Web.Api;

/// <summary>A standing QR channel as the API lists it.</summary>
public sealed record ChannelResponse(int Id, string Name, int OrganizationId, string Organization, int CampaignId, string Campaign,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CampaignState>))] CampaignState CampaignState,
    int RaterGroupId, string RaterGroup, bool Active, int BallotCount, int DailyLimit, string Link);

/// <summary>平时评议二维码 posted in the caller's subtree, with the ballots each has received.</summary>
public static class ChannelsApi
{
    public static void MapChannelsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/channels", async Task<Results<Ok<List<ChannelResponse>>, NotFound>> (int? campaignId, ChannelList list, HttpRequest request) =>
            {
                if (campaignId is { } id && await list.FindCampaignAsync(id) is null)
                {
                    return TypedResults.NotFound();
                }
                var rows = await list.RowsAsync(campaignId);
                return TypedResults.Ok(rows.Select(r => new ChannelResponse(r.Id, r.Name, r.OrganizationId, r.Organization, r.CampaignId, r.Campaign,
                    r.CampaignState, r.RaterGroupId, r.Group, r.Active, r.BallotCount, r.DailyLimit, ChannelList.PublicLink(request, r.Code))).ToList());
            })
            .WithTags("平时评议")
            .WithSummary("平时评议二维码：张贴在本管理范围内的二维码，及各自已收到的评价份数")
            .WithDescription("campaignId 可省略（列出全部活动的二维码）；指定的活动不在本管理范围内（既不在本范围内发起，也不是上级发起）时返回404。" +
                "ballotCount 为该二维码已收到的评价人次（每人次对本类别的每项评议安排各交一张测评票）；测评票本身不记录来自哪个二维码。link 为二维码中的公开链接。");
    }
}
