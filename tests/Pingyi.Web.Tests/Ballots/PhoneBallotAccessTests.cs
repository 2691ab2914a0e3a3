using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>Every code or cookie that admits nobody gets a calm Chinese page in the phone layout, and nothing is stored.</summary>
public abstract class PhoneBallotAccessTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task AssertNoticeAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var html = await response.BodyAsync(status);
        Assert.Contains(message, html);
        Assert.Contains("<body class=\"phone\">", html);
        Assert.DoesNotContain("返回首页", html);
    }

    [Fact]
    public async Task Unknown_malformed_used_and_void_codes_each_get_their_own_page()
    {
        var world = await app.AddBallotWorldAsync("码的状态");
        var used = await app.AddSlipAsync(world, TokenState.Used);
        var voided = await app.AddSlipAsync(world, TokenState.Void);
        var (client, cookies) = app.CookieClient();

        await AssertNoticeAsync(await client.GetAsync($"/V/{TokenCodes.NewLongCode()}"), HttpStatusCode.NotFound, AccessMessages.Unknown);
        await AssertNoticeAsync(await client.GetAsync("/V/not-a-code"), HttpStatusCode.BadRequest, AccessMessages.Malformed);
        await AssertNoticeAsync(await client.GetAsync($"/V/{used.LongCode}"), HttpStatusCode.Conflict, AccessMessages.Used);
        await AssertNoticeAsync(await client.GetAsync($"/V/{voided.LongCode}"), HttpStatusCode.Gone, AccessMessages.Void);
        Assert.Contains(AccessMessages.Used, await (await client.PostFormAsync("/V", [new("code", used.ShortCode)], tokenPage: "/V")).BodyAsync(HttpStatusCode.Conflict));

        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == BallotAccess.CookieName);
        Assert.Equal(0, await app.BallotCountAsync(world.CampaignId));
        Assert.Equal(TokenState.Void, await app.TokenStateAsync(voided.TokenId));
    }

    [Theory]
    [InlineData(CampaignState.Draft, -1, 30, AccessMessages.NotStarted)]
    [InlineData(CampaignState.Open, 2, 30, AccessMessages.NotStarted)]
    [InlineData(CampaignState.Open, -30, -1, AccessMessages.Ended)]
    [InlineData(CampaignState.Closed, -1, 30, AccessMessages.Ended)]
    [InlineData(CampaignState.Archived, -30, -10, AccessMessages.Ended)]
    public async Task A_campaign_outside_its_period_or_not_open_admits_nobody(CampaignState state, int startsIn, int endsIn, string message)
    {
        var world = await app.AddBallotWorldAsync($"不在期内{state}{startsIn}", state, startsIn, endsIn);
        var slip = await app.AddSlipAsync(world);
        var (client, cookies) = app.CookieClient();

        await AssertNoticeAsync(await client.GetAsync($"/V/{slip.LongCode}"), HttpStatusCode.Forbidden, message);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == BallotAccess.CookieName);
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
    }

    [Fact]
    public async Task A_campaign_closed_while_the_rater_answers_stores_nothing()
    {
        var world = await app.AddBallotWorldAsync("中途结束");
        var slip = await app.AddSlipAsync(world);
        var (client, _) = app.CookieClient();
        await client.OpenAsync(slip);
        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == world.CampaignId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, CampaignState.Closed)));

        await AssertNoticeAsync(await client.SubmitAsync(PhoneBallotArrange.FullAnswers(world)), HttpStatusCode.Forbidden, AccessMessages.Ended);
        Assert.Equal(0, await app.BallotCountAsync(world.CampaignId));
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
    }

    [Fact]
    public async Task A_missing_tampered_or_expired_cookie_asks_for_the_code_again()
    {
        var world = await app.AddBallotWorldAsync("过期");
        var slip = await app.AddSlipAsync(world);
        var (none, _) = app.CookieClient();
        await AssertNoticeAsync(await none.GetAsync("/V/Ballot"), HttpStatusCode.BadRequest, AccessMessages.Expired);
        await AssertNoticeAsync(await none.SubmitAsync(PhoneBallotArrange.FullAnswers(world)), HttpStatusCode.BadRequest, AccessMessages.Expired);

        var protector = app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Pingyi.Ballot").ToTimeLimitedDataProtector();
        var id = slip.TokenId.ToString(CultureInfo.InvariantCulture);
        foreach (var value in new[] { protector.Protect(id, DateTimeOffset.UtcNow.AddMinutes(-1)), "forged" + protector.Protect(id, DateTimeOffset.UtcNow.AddHours(1)), id })
        {
            var cookies = new CookieContainer();
            cookies.Add(new Uri("http://localhost/V"), new Cookie(BallotAccess.CookieName, value, "/V"));
            var (client, _) = app.CookieClient(cookies);
            var page = await client.GetAsync("/V/Ballot");
            await AssertNoticeAsync(page, HttpStatusCode.BadRequest, AccessMessages.Expired);
            Assert.Contains("href=\"/V\"", await page.Content.ReadAsStringAsync());
            await AssertNoticeAsync(await client.SubmitAsync(PhoneBallotArrange.FullAnswers(world)), HttpStatusCode.BadRequest, AccessMessages.Expired);
        }

        // The same protection with a future expiry is what the app itself issues: it opens the ballot.
        var good = new CookieContainer();
        good.Add(new Uri("http://localhost/V"), new Cookie(BallotAccess.CookieName, protector.Protect(id, DateTimeOffset.UtcNow.AddHours(1)), "/V"));
        Assert.Contains("过期", await app.CookieClient(good).Client.GetHtmlAsync("/V/Ballot"));
        Assert.Equal(0, await app.BallotCountAsync(world.CampaignId));
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
    }

    [Fact]
    public async Task The_rater_pages_need_no_sign_in_but_keep_antiforgery()
    {
        var world = await app.AddBallotWorldAsync("匿名");
        var slip = await app.AddSlipAsync(world);
        var (client, _) = app.CookieClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/V")).StatusCode);
        await client.OpenAsync(slip);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/V/Ballot")).StatusCode);

        var withoutToken = await client.Http.PostAsync("/V/Ballot", new FormUrlEncodedContent(PhoneBallotArrange.FullAnswers(world)));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(0, await app.BallotCountAsync(world.CampaignId));
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
    }
}

public sealed class SqlitePhoneBallotAccessTests(SqliteAppFixture app) : PhoneBallotAccessTests<SqliteAppFixture>(app);

public sealed class PostgresPhoneBallotAccessTests(PostgresAppFixture app) : PhoneBallotAccessTests<PostgresAppFixture>(app);
