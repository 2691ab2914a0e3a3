using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Channels;

/// <summary>The public page of a standing QR: what it stores, one ballot per device per day, and the pages that take none.</summary>
public abstract class ChannelBallotTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task A_ballot_is_stored_as_a_standing_ballot_of_the_channels_group_and_counted_on_the_channel()
    {
        var world = await app.AddChannelWorldAsync("扫码存储");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "门诊大厅");
        var (phone, cookies) = ChannelArrange.Phone(app.Factory);

        var page = await phone.GetHtmlAsync($"/Q/{channel.Code}");
        Assert.Contains("扫码存储", page);
        Assert.Contains("门诊大厅", page);
        Assert.Contains($"name=\"q_{world.SubjectIds[0]}_{world.GradeKey}\"", page);
        Assert.Contains("<body class=\"phone\">", page);

        var response = await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/Q/Done", response.Headers.Location!.OriginalString);
        var done = await phone.GetHtmlAsync("/Q/Done");
        Assert.Contains("提交成功", done);
        Assert.Matches("receipt-code[^>]*>[A-Za-z0-9]{4}-", done);

        var ballots = await app.WithDbAsync(db => db.Ballots.AsNoTracking().Include(b => b.Answers).Where(b => b.CampaignId == world.CampaignId).ToListAsync());
        var ballot = Assert.Single(ballots);
        Assert.Equal(BallotChannel.Standing, ballot.Channel);
        Assert.Equal(world.GroupId, ballot.RaterGroupId);
        Assert.Equal(app.Today(), ballot.SubmittedOn);
        Assert.Contains(ballot.Answers, a => a.Text == "挂号排队太久" + world.SubjectIds[1]);
        Assert.Equal(1, (await app.ChannelAsync(channel.Id)).BallotCount);

        // The device cookie says only that this device has voted today, nothing of the ballot or receipt.
        var cookie = Assert.Single(cookies.GetAllCookies(), c => c.Name == ChannelDevice.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/Q", cookie.Path);
        Assert.DoesNotContain(ballot.Id.ToString(), cookie.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_required_answer_keeps_the_answers_and_stores_nothing()
    {
        var world = await app.AddChannelWorldAsync("扫码必答");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "收费窗口");
        var (phone, _) = ChannelArrange.Phone(app.Factory);

        var response = await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world, "保留的意见", skip: world.SubjectIds[1]));
        var html = await response.BodyAsync(HttpStatusCode.OK);
        Assert.Contains("提交未成功", html);
        Assert.Contains("保留的意见" + world.SubjectIds[0], html);
        Assert.Equal(0, await app.StandingBallotsAsync(world.CampaignId));
        Assert.Equal(0, (await app.ChannelAsync(channel.Id)).BallotCount);

        // Correcting the form is still allowed: a refused ballot uses up nothing.
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(1, (await app.ChannelAsync(channel.Id)).BallotCount);
    }

    [Fact]
    public async Task The_same_device_is_refused_a_second_ballot_the_same_day_and_accepted_the_next_day()
    {
        var world = await app.AddChannelWorldAsync("一机一日");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "住院部三病区");
        var (phone, _) = ChannelArrange.Phone(app.Factory);
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);

        var again = await (await phone.GetAsync($"/Q/{channel.Code}")).BodyAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains(ChannelMessages.DeviceLimit, again);
        Assert.DoesNotContain("<form", again);
        var posted = await (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).BodyAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains(ChannelMessages.DeviceLimit, posted);
        Assert.Equal(1, await app.StandingBallotsAsync(world.CampaignId));
        Assert.Equal(1, (await app.ChannelAsync(channel.Id)).BallotCount);

        // Another phone (no cookie) on the same network is welcome.
        var (other, _) = ChannelArrange.Phone(app.Factory);
        Assert.Equal(HttpStatusCode.SeeOther, (await other.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(2, await app.StandingBallotsAsync(world.CampaignId));

        // The first phone, with yesterday's cookie, may rate again tomorrow.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await phone.GetHtmlAsync($"/Q/{channel.Code}");
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(3, await app.StandingBallotsAsync(world.CampaignId));
        Assert.Equal(3, (await app.ChannelAsync(channel.Id)).BallotCount);
    }

    [Fact]
    public async Task A_daily_limit_above_one_allows_that_many_and_the_device_cookie_is_per_channel()
    {
        var world = await app.AddChannelWorldAsync("每日两次");
        var twice = await app.AddChannelAsync(world, app.UnitAId, "急诊", dailyLimit: 2);
        var once = await app.AddChannelAsync(world, app.UnitAId, "药房");
        var (phone, _) = ChannelArrange.Phone(app.Factory);

        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(once.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(twice.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(twice.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await phone.VoteAsync(twice.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await phone.GetAsync($"/Q/{once.Code}")).StatusCode);
        Assert.Equal(2, (await app.ChannelAsync(twice.Id)).BallotCount);
        Assert.Equal(1, (await app.ChannelAsync(once.Id)).BallotCount);
    }

    [Fact]
    public async Task A_tampered_device_cookie_counts_as_none_but_never_as_more()
    {
        var world = await app.AddChannelWorldAsync("篡改");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "体检中心");
        var (phone, cookies) = ChannelArrange.Phone(app.Factory);
        cookies.Add(new Uri("http://localhost/Q"), new Cookie(ChannelDevice.CookieName, "not-protected", "/Q"));
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
    }

    [Fact]
    public async Task Unknown_inactive_and_closed_channels_get_clear_pages_and_store_nothing()
    {
        var open = await app.AddChannelWorldAsync("扫码各种状态");
        var inactive = await app.AddChannelAsync(open, app.UnitAId, "已停用窗口", active: false);
        var closedWorld = await app.AddChannelWorldAsync("已结束的扫码", CampaignState.Closed);
        var closed = await app.AddChannelAsync(closedWorld, app.UnitAId, "已结束窗口");
        var draftWorld = await app.AddChannelWorldAsync("草稿的扫码", CampaignState.Draft);
        var draft = await app.AddChannelAsync(draftWorld, app.UnitAId, "草稿窗口");
        var pastWorld = await app.AddChannelWorldAsync("过期的扫码", startsInDays: -10, endsInDays: -1);
        var past = await app.AddChannelAsync(pastWorld, app.UnitAId, "过期窗口");
        var (phone, cookies) = ChannelArrange.Phone(app.Factory);

        var cases = new (string Code, HttpStatusCode Status, string Message)[]
        {
            (TokenCodes.NewLongCode(), HttpStatusCode.NotFound, ChannelMessages.Unknown),
            ("<script>alert(1)</script>", HttpStatusCode.NotFound, ChannelMessages.Unknown),
            (inactive.Code, HttpStatusCode.Forbidden, ChannelMessages.Inactive),
            (closed.Code, HttpStatusCode.Forbidden, AccessMessages.Ended),
            (draft.Code, HttpStatusCode.Forbidden, AccessMessages.NotStarted),
            (past.Code, HttpStatusCode.Forbidden, AccessMessages.Ended),
        };
        foreach (var (code, status, message) in cases)
        {
            var url = $"/Q/{Uri.EscapeDataString(code)}";
            var html = await (await phone.GetAsync(url)).BodyAsync(status);
            Assert.Contains(message, html);
            Assert.Contains("<body class=\"phone\">", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains(message, await (await phone.PostFormAsync(url, ChannelArrange.Answers(open), tokenPage: "/V")).BodyAsync(status));
        }
        foreach (var campaignId in new[] { open.CampaignId, closedWorld.CampaignId, draftWorld.CampaignId, pastWorld.CampaignId })
        {
            Assert.Equal(0, await app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == campaignId)));
        }
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ChannelDevice.CookieName);
        Assert.Equal(0, await app.WithDbAsync(db => db.StandingChannels.Where(c => c.Id == inactive.Id || c.Id == closed.Id).SumAsync(c => c.BallotCount)));
    }

    [Fact]
    public async Task A_channel_switched_off_while_the_form_is_open_takes_no_ballot()
    {
        var world = await app.AddChannelWorldAsync("中途停用");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "挂号处");
        var (phone, _) = ChannelArrange.Phone(app.Factory);
        await phone.GetHtmlAsync($"/Q/{channel.Code}");
        await app.WithDbAsync(db => db.StandingChannels.Where(c => c.Id == channel.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false)));

        Assert.Contains(ChannelMessages.Inactive, await (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).BodyAsync(HttpStatusCode.Forbidden));
        Assert.Equal(0, await app.StandingBallotsAsync(world.CampaignId));
    }

    [Fact]
    public async Task The_done_page_without_a_receipt_is_a_calm_page()
    {
        var (phone, _) = ChannelArrange.Phone(app.Factory);
        var html = await (await phone.GetAsync("/Q/Done")).BodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains("页面已过期", html);
        Assert.Contains("<body class=\"phone\">", html);
    }

    [Fact]
    public async Task Hostile_text_in_the_place_name_and_answers_is_shown_inert()
    {
        var world = await app.AddChannelWorldAsync("扫码<b>活动</b>");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "<script>alert('x')</script>大厅");
        var (phone, _) = ChannelArrange.Phone(app.Factory);
        var page = await phone.GetHtmlAsync($"/Q/{channel.Code}");
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;alert(", page);
        Assert.DoesNotContain("<b>活动</b>", page);

        var refused = await (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world, "<img src=x onerror=alert(1)>", skip: world.SubjectIds[0])))
            .BodyAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("<img src=x", refused);
        Assert.Contains("&lt;img src=x", refused);
    }

    [Fact]
    public async Task Standing_ballots_carry_no_channel_id_and_nothing_of_the_device_or_address_reaches_logs_or_audit()
    {
        var world = await app.AddChannelWorldAsync("扫码匿名");
        var channel = await app.AddChannelAsync(world, app.UnitAId, "匿名窗口");
        var logs = new CapturedLogs();
        const string address = "198.51.100.77";
        await using var host = app.Host(address);
        await using var logged = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var (phone, cookies) = ChannelArrange.Phone(logged);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        await phone.GetHtmlAsync($"/Q/{channel.Code}");
        Assert.Equal(HttpStatusCode.SeeOther, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await phone.VoteAsync(channel.Code, ChannelArrange.Answers(world))).StatusCode);
        var device = Assert.Single(cookies.GetAllCookies(), c => c.Name == ChannelDevice.CookieName).Value;

        var entity = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(Ballot))!.GetProperties().Select(p => p.Name).ToList()));
        Assert.DoesNotContain(entity, p => p.Contains("Standing", StringComparison.Ordinal) || p.Contains("Token", StringComparison.Ordinal));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Skip(auditBefore).ToListAsync());
        Assert.Empty(audit);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Ip == address || (a.Detail != null && a.Detail.Contains(address)))));
        var text = string.Join("\n", logs.Lines);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(address, text);
        Assert.DoesNotContain(device, text);
        Assert.DoesNotContain(device[..16], text);
    }
}

public sealed class SqliteChannelBallotTests(SqliteAppFixture app) : ChannelBallotTests<SqliteAppFixture>(app);

public sealed class PostgresChannelBallotTests(PostgresAppFixture app) : ChannelBallotTests<PostgresAppFixture>(app);
