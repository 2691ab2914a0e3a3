using System.Net;
using System.Text.Json;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Channels;

/// <summary>GET /api/channels: the channels in scope with their counts; a neighbour's campaign answers 404.</summary>
public abstract class ChannelsApiTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Lists_the_channels_in_scope_with_counts_and_hides_the_neighbours()
    {
        var world = await app.AddChannelWorldAsync("接口扫码");
        var mine = await app.AddChannelAsync(world, app.UnitAId, "<b>接口甲</b>", dailyLimit: 3);
        var theirs = await app.AddChannelAsync(world, app.UnitBId, "接口乙");
        var neighbourCampaign = await app.AddChannelWorldAsync("接口乙医院活动", organizationId: app.UnitBId);
        var (phone, _) = ChannelArrange.Phone(app.Factory);
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(mine.Code, ChannelArrange.Answers(world))).StatusCode);
        using var admina = await app.SignInAsync(AppFixture.AdminA);

        var body = await (await admina.GetAsync($"/api/channels?campaignId={world.CampaignId}")).BodyAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("<b>", body);
        var list = JsonDocument.Parse(body).RootElement;
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(mine.Id, row.GetProperty("id").GetInt32());
        Assert.Equal("<b>接口甲</b>", row.GetProperty("name").GetString());
        Assert.Equal(1, row.GetProperty("ballotCount").GetInt32());
        Assert.Equal(3, row.GetProperty("dailyLimit").GetInt32());
        Assert.True(row.GetProperty("active").GetBoolean());
        Assert.Equal("Open", row.GetProperty("campaignState").GetString());
        Assert.Equal($"http://localhost/Q/{mine.Code}", row.GetProperty("link").GetString());

        var all = await admina.Http.GetStringAsync("/api/channels");
        Assert.Contains($"\"id\":{mine.Id},", all);
        Assert.DoesNotContain($"\"id\":{theirs.Id},", all);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.GetAsync($"/api/channels?campaignId={neighbourCampaign.CampaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admina.GetAsync("/api/channels?campaignId=abc")).StatusCode);

        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Equal(2, JsonDocument.Parse(await sys.Http.GetStringAsync($"/api/channels?campaignId={world.CampaignId}")).RootElement.GetArrayLength());
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/channels")).StatusCode);
    }
}

public sealed class SqliteChannelsApiTests(SqliteAppFixture app) : ChannelsApiTests<SqliteAppFixture>(app);

public sealed class PostgresChannelsApiTests(PostgresAppFixture app) : ChannelsApiTests<PostgresAppFixture>(app);
