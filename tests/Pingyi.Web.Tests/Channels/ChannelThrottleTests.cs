using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Channels;

/// <summary>
/// The per-address limit on standing ballots: N an hour per client address across channels; a
/// forwarded address is believed only from a configured proxy.
/// </summary>
public abstract class ChannelThrottleTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const string Peer = "192.0.2.10";

    private static HttpRequestMessage Vote(TestClient client, string code, IEnumerable<KeyValuePair<string, string>> fields, string token, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Q/{code}")
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    /// <summary>A new phone (no device cookie) voting from behind <paramref name="forwardedFor"/>.</summary>
    private static async Task<HttpStatusCode> NewPhoneVotesAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, ChannelWorld world, string code, string? forwardedFor)
    {
        var (phone, _) = ChannelArrange.Phone(host);
        var token = await phone.TokenAsync("/V");
        using var request = Vote(phone, code, ChannelArrange.Answers(world), token, forwardedFor);
        return (await phone.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task The_address_limit_holds_across_channels_and_a_forged_forwarded_address_from_an_untrusted_peer_is_ignored()
    {
        var world = await app.AddChannelWorldAsync("地址限流");
        var first = await app.AddChannelAsync(world, app.UnitAId, "限流大厅一");
        var second = await app.AddChannelAsync(world, app.UnitAId, "限流大厅二");
        await using var host = app.Host(Peer, (StandingThrottle.Setting, "3"));

        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, first.Code, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, second.Code, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, first.Code, null));
        // The fourth from the one real address, whatever it claims to forward, is refused.
        Assert.Equal(HttpStatusCode.TooManyRequests, await NewPhoneVotesAsync(host, world, second.Code, "203.0.113.3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await NewPhoneVotesAsync(host, world, first.Code, null));
        Assert.Equal(3, await app.StandingBallotsAsync(world.CampaignId));

        var (phone, _) = ChannelArrange.Phone(host);
        var page = await (await phone.GetAsync($"/Q/{first.Code}")).BodyAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains(ChannelMessages.AddressLimit, page);
        Assert.DoesNotContain("<form", page);
        Assert.Equal(3, (await app.ChannelAsync(first.Id)).BallotCount + (await app.ChannelAsync(second.Id)).BallotCount);

        // A new hour starts afresh.
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, first.Code, null));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_address_has_its_own_limit()
    {
        var world = await app.AddChannelWorldAsync("代理限流");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "代理大厅");
        await using var host = app.Host(Peer, (StandingThrottle.Setting, "2"), ("ForwardedHeaders:KnownProxies:0", Peer));

        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, channel.Code, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, channel.Code, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await NewPhoneVotesAsync(host, world, channel.Code, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, channel.Code, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.SeeOther, await NewPhoneVotesAsync(host, world, channel.Code, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await NewPhoneVotesAsync(host, world, channel.Code, "203.0.113.2"));
        Assert.Equal(4, await app.StandingBallotsAsync(world.CampaignId));
        Assert.Equal(4, (await app.ChannelAsync(channel.Id)).BallotCount);
    }

    [Fact]
    public async Task An_invalid_ballot_does_not_use_up_the_address_limit()
    {
        var world = await app.AddChannelWorldAsync("无效不计");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "无效大厅");
        await using var host = app.Host(Peer, (StandingThrottle.Setting, "1"));
        var (phone, _) = ChannelArrange.Phone(host);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world, skip: world.SubjectIds[0]))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(1, await app.StandingBallotsAsync(world.CampaignId));
    }
}

public sealed class SqliteChannelThrottleTests(SqliteAppFixture app) : ChannelThrottleTests<SqliteAppFixture>(app);

public sealed class PostgresChannelThrottleTests(PostgresAppFixture app) : ChannelThrottleTests<PostgresAppFixture>(app);

/// <summary>The limiter on its own: the configured number per hour per address, and past hours forgotten without a scan per request.</summary>
public sealed class StandingThrottleTests
{
    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    private static StandingThrottle Throttle(TestClock clock, string? perHour) =>
        new(clock, new ConfigurationBuilder().AddInMemoryCollection(perHour is null ? [] : [new(StandingThrottle.Setting, perHour)]).Build());

    [Fact]
    public void The_default_is_generous_and_the_setting_is_honoured()
    {
        Assert.Equal(StandingThrottle.DefaultPerHour, Throttle(new TestClock(), null).PerHour);
        Assert.True(StandingThrottle.DefaultPerHour >= 60);
        Assert.Equal(5, Throttle(new TestClock(), "5").PerHour);
        Assert.Equal(1, Throttle(new TestClock(), "0").PerHour);
    }

    [Fact]
    public void Each_address_gets_its_ballots_per_hour_and_past_hours_are_dropped_once()
    {
        var clock = new TestClock();
        var throttle = Throttle(clock, "2");
        Assert.True(throttle.TryCount(From("10.0.0.1")));
        Assert.False(throttle.Exhausted(From("10.0.0.1")));
        Assert.True(throttle.TryCount(From("10.0.0.1")));
        Assert.True(throttle.Exhausted(From("10.0.0.1")));
        Assert.False(throttle.TryCount(From("10.0.0.1")));
        Assert.True(throttle.TryCount(From("10.0.0.2")));
        Assert.Equal(2, throttle.Tracked);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(throttle.Exhausted(From("10.0.0.1")));
        Assert.True(throttle.TryCount(From("10.0.0.3")));
        Assert.Equal(1, throttle.Tracked);
    }
}
