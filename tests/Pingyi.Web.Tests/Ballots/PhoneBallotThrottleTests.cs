using System.Net;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>A client may try 20 codes a minute, found or not; a forged forwarded address does not buy more.</summary>
public abstract class PhoneBallotThrottleTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_twenty_first_code_in_a_minute_gets_the_wait_page_whatever_the_forwarded_address()
    {
        var world = await app.AddBallotWorldAsync("限流");
        var slip = await app.AddSlipAsync(world);
        var (client, cookies) = app.CookieClient();
        var antiforgery = await client.TokenAsync("/V");

        for (var i = 0; i < CodeThrottle.PerMinute; i++)
        {
            var response = i % 2 == 0
                ? await client.GetAsync($"/V/{TokenCodes.NewLongCode()}")
                : await client.Http.PostAsync("/V", new FormUrlEncodedContent([new("code", TokenCodes.NewShortCode()), new("__RequestVerificationToken", antiforgery)]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var blocked = await client.GetAsync($"/V/{slip.LongCode}");
        var html = await blocked.BodyAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains(AccessMessages.Throttled, html);
        Assert.Contains("<body class=\"phone\">", html);
        Assert.Contains(AccessMessages.Throttled, await (await client.Http.PostAsync("/V",
            new FormUrlEncodedContent([new("code", slip.ShortCode), new("__RequestVerificationToken", antiforgery)]))).BodyAsync(HttpStatusCode.TooManyRequests));

        // No proxy is configured, so a forwarded address is not believed and cannot reset the count.
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/V/{slip.LongCode}");
        forged.Headers.Add("X-Forwarded-For", "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.Http.SendAsync(forged)).StatusCode);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == BallotAccess.CookieName);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.OpenAsync(slip);
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
    }
}

public sealed class SqlitePhoneBallotThrottleTests(SqliteAppFixture app) : PhoneBallotThrottleTests<SqliteAppFixture>(app);

public sealed class PostgresPhoneBallotThrottleTests(PostgresAppFixture app) : PhoneBallotThrottleTests<PostgresAppFixture>(app);
