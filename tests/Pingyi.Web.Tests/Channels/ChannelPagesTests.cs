using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Pages.Channels;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;

namespace Pingyi.Web.Tests.Channels;

/// <summary>The administrators' pages of standing QR channels: creating, listing, editing, the poster, refusals and scope.</summary>
public abstract class ChannelPagesTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static KeyValuePair<string, string>[] CreateFields(ChannelWorld world, int organizationId, string name, string limit = "1", int? groupId = null) =>
        [F("CampaignId", world.CampaignId), F("RaterGroupId", groupId ?? world.GroupId), F("OrganizationId", organizationId), F("Name", name), F("DailyLimit", limit)];

    /// <summary>The options of one drop-down of a page, so ids of other lists cannot match.</summary>
    private static string Select(string html, string name)
    {
        var start = html.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no select {name}");
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, string message)
    {
        var html = await response.BodyAsync(HttpStatusCode.OK);
        Assert.Contains(message, html);
        return html;
    }

    [Fact]
    public async Task A_channel_is_created_listed_printed_and_edited_through_the_pages_with_audit()
    {
        var world = await app.AddChannelWorldAsync("页面建码");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var form = await sys.GetHtmlAsync($"/Channels/Create?campaignId={world.CampaignId}");
        Assert.Contains($"<option value=\"{world.GroupId}\"", Select(form, "RaterGroupId"));
        Assert.DoesNotContain($"<option value=\"{world.OtherGroupId}\"", Select(form, "RaterGroupId"));
        Assert.Contains($"<option value=\"{app.UnitAId}\"", Select(form, "OrganizationId"));

        var created = await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, " 门诊大厅 ", "2"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/Channels/Index/{world.CampaignId}", created.Headers.Location!.OriginalString);
        var channel = await app.WithDbAsync(db => db.StandingChannels.AsNoTracking().SingleAsync(c => c.CampaignId == world.CampaignId));
        Assert.Equal("门诊大厅", channel.Name);
        Assert.Equal(2, channel.DailyLimit);
        Assert.True(channel.Active);
        Assert.Equal(world.GroupId, channel.RaterGroupId);
        Assert.Equal(app.UnitAId, channel.OrganizationId);
        Assert.Equal(StandingChannel.CodeLength, channel.Code.Length);
        Assert.Equal(AppFixture.SystemAdmin, channel.CreatedBy);

        var index = await sys.GetHtmlAsync($"/Channels/Index/{world.CampaignId}");
        Assert.Contains("门诊大厅", index);
        Assert.Contains("页面建码", index);
        Assert.Contains("启用", index);
        Assert.Contains("2 次", index);
        Assert.Contains("门诊大厅", await sys.GetHtmlAsync("/Channels"));

        var poster = await sys.GetHtmlAsync($"/Channels/Poster/{channel.Id}");
        Assert.Contains("<svg", poster);
        Assert.Contains($"http://localhost/Q/{channel.Code}", poster);
        Assert.Contains(PosterModel.Invitation, poster);
        Assert.Contains("页面建码", poster);
        Assert.Contains("门诊大厅", poster);

        var edited = await sys.PostFormAsync($"/Channels/Edit/{channel.Id}", [F("Name", "门诊二楼大厅"), F("DailyLimit", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        channel = await app.ChannelAsync(channel.Id);
        Assert.Equal(("门诊二楼大厅", 3, false), (channel.Name, channel.DailyLimit, channel.Active));
        Assert.Contains("停用", await sys.GetHtmlAsync($"/Channels/Index/{world.CampaignId}"));
        Assert.Contains("目前已停用", await sys.GetHtmlAsync($"/Channels/Poster/{channel.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Channels/Edit/{channel.Id}", [F("Name", "门诊二楼大厅"), F("DailyLimit", "1"), F("Active", "true")])).StatusCode);
        Assert.True((await app.ChannelAsync(channel.Id)).Active);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ObjectType == "StandingChannel" && a.ObjectId == channel.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.ChannelCreate && a.Detail!.Contains("门诊大厅"));
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.ChannelUpdate));
        Assert.DoesNotContain(audit, a => a.Detail!.Contains(channel.Code));
    }

    [Fact]
    public async Task Codes_are_random_and_distinct()
    {
        var world = await app.AddChannelWorldAsync("随机码");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        foreach (var name in new[] { "窗口一", "窗口二" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, name))).StatusCode);
        }
        var codes = await app.WithDbAsync(db => db.StandingChannels.Where(c => c.CampaignId == world.CampaignId).Select(c => c.Code).ToListAsync());
        Assert.Equal(2, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z2-7]{26}$", c));
    }

    [Fact]
    public async Task Wrong_group_kind_closed_campaign_place_outside_the_campaign_and_duplicates_are_refused_and_nothing_is_stored()
    {
        var world = await app.AddChannelWorldAsync("建码拒绝");
        var unitCampaign = await app.AddChannelWorldAsync("甲医院自己的活动", organizationId: app.UnitAId);
        var closed = await app.AddChannelWorldAsync("已结束建码", CampaignState.Closed);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, "已有窗口"))).StatusCode);
        var before = await app.ChannelsSnapshotAsync();

        await RefusedAsync(await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, "别的类别", groupId: world.OtherGroupId)), ChannelCommands.WrongKind);
        await RefusedAsync(await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, "别的活动", groupId: unitCampaign.GroupId)), "请选择本评议活动的评议人类别。");
        await RefusedAsync(await sys.PostFormAsync("/Channels/Create", CreateFields(unitCampaign, app.UnitBId, "乙医院大厅")), ChannelCommands.OutsideCampaign);
        await RefusedAsync(await sys.PostFormAsync("/Channels/Create", CreateFields(unitCampaign, app.BureauId, "局机关")), ChannelCommands.OutsideCampaign);
        await RefusedAsync(await sys.PostFormAsync("/Channels/Create", CreateFields(closed, app.UnitAId, "已结束")), ChannelCommands.CampaignNotOpen);
        await RefusedAsync(await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, "已有窗口")), "已有名为“已有窗口”的二维码");
        Assert.Equal(before, await app.ChannelsSnapshotAsync());

        // The create page offers neither the closed campaign nor organisations outside the campaign.
        var page = await sys.GetHtmlAsync($"/Channels/Create?campaignId={unitCampaign.CampaignId}");
        Assert.DoesNotContain($"<option value=\"{closed.CampaignId}\"", Select(page, "campaignId"));
        Assert.Contains($"<option value=\"{world.CampaignId}\"", Select(page, "campaignId"));
        Assert.DoesNotContain($"<option value=\"{app.UnitBId}\"", Select(page, "OrganizationId"));
        Assert.Contains($"<option value=\"{app.BranchAId}\"", Select(page, "OrganizationId"));
    }

    [Fact]
    public async Task Hostile_and_malformed_input_gets_a_Chinese_message_and_stores_nothing()
    {
        var world = await app.AddChannelWorldAsync("恶意输入");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var before = await app.ChannelsSnapshotAsync();
        var cases = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            (CreateFields(world, app.UnitAId, new string('长', StandingChannel.NameMaxLength + 1)), $"地点名称不能超过{StandingChannel.NameMaxLength}个字符"),
            (CreateFields(world, app.UnitAId, ""), "地点名称不能为空"),
            (CreateFields(world, app.UnitAId, "窗口\u0007"), "控制字符"),
            (CreateFields(world, app.UnitAId, "窗口", "0"), ChannelCommands.LimitRule),
            (CreateFields(world, app.UnitAId, "窗口", "21"), ChannelCommands.LimitRule),
            (CreateFields(world, app.UnitAId, "窗口", "abc"), ChannelCommands.LimitRule),
            (CreateFields(world, app.UnitAId, "窗口", ""), ChannelCommands.LimitRule),
            (CreateFields(world, app.UnitAId, "窗口", "-1"), ChannelCommands.LimitRule),
            ([F("CampaignId", world.CampaignId), F("OrganizationId", app.UnitAId), F("Name", "窗口"), F("DailyLimit", "1")], "请选择评议人类别。"),
            ([F("CampaignId", world.CampaignId), F("RaterGroupId", world.GroupId), F("Name", "窗口"), F("DailyLimit", "1")], "请选择张贴二维码的组织。"),
            ([F("RaterGroupId", world.GroupId), F("OrganizationId", app.UnitAId), F("Name", "窗口"), F("DailyLimit", "1")], "请选择评议活动。"),
            ([F("CampaignId", "abc"), F("RaterGroupId", world.GroupId), F("OrganizationId", app.UnitAId), F("Name", "窗口")], "填写的内容格式不正确"),
        };
        foreach (var (fields, message) in cases)
        {
            await RefusedAsync(await sys.PostFormAsync("/Channels/Create", fields), message);
            Assert.Equal(before, await app.ChannelsSnapshotAsync());
        }

        var channel = await app.AddChannelAsync(world, app.UnitAId, "原名");
        before = await app.ChannelsSnapshotAsync();
        var edits = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            ([F("Name", ""), F("DailyLimit", "1"), F("Active", "true")], "地点名称不能为空"),
            ([F("Name", "新名"), F("DailyLimit", "21"), F("Active", "true")], ChannelCommands.LimitRule),
            ([F("Name", "新名"), F("DailyLimit", "abc"), F("Active", "true")], ChannelCommands.LimitRule),
            ([F("Name", "新名"), F("DailyLimit", "1"), F("Active", "abc")], "填写的内容格式不正确"),
            ([F("Name", new string('长', 51)), F("DailyLimit", "1")], "地点名称不能超过"),
        };
        foreach (var (fields, message) in edits)
        {
            await RefusedAsync(await sys.PostFormAsync($"/Channels/Edit/{channel.Id}", fields), message);
            Assert.Equal(before, await app.ChannelsSnapshotAsync());
        }
    }

    [Fact]
    public async Task A_script_in_the_place_name_is_shown_inert_on_the_index_the_edit_page_the_poster_and_the_public_page()
    {
        var world = await app.AddChannelWorldAsync("脚本地点");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        const string hostile = "<script>alert('x')</script>";
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitAId, hostile))).StatusCode);
        var channel = await app.WithDbAsync(db => db.StandingChannels.AsNoTracking().SingleAsync(c => c.CampaignId == world.CampaignId));
        Assert.Equal(hostile, channel.Name);
        var (phone, _) = ChannelArrange.Phone(app.Factory);
        foreach (var html in new[]
        {
            await sys.GetHtmlAsync($"/Channels/Index/{world.CampaignId}"), await sys.GetHtmlAsync($"/Channels/Edit/{channel.Id}"),
            await sys.GetHtmlAsync($"/Channels/Poster/{channel.Id}"), await phone.GetHtmlAsync($"/Q/{channel.Code}"),
        })
        {
            Assert.DoesNotContain(hostile, html);
            Assert.Contains("&lt;script&gt;", html);
        }
    }

    [Fact]
    public async Task A_neighbours_channels_and_campaigns_answer_404_and_nothing_changes()
    {
        var world = await app.AddChannelWorldAsync("邻居扫码");
        var mine = await app.AddChannelAsync(world, app.UnitAId, "甲医院门诊");
        var theirs = await app.AddChannelAsync(world, app.UnitBId, "乙医院门诊");
        var bureauDesk = await app.AddChannelAsync(world, app.BureauId, "局机关窗口");
        var neighbourCampaign = await app.AddChannelWorldAsync("乙医院自己的活动", organizationId: app.UnitBId);
        using var admina = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.ChannelsSnapshotAsync();
        var denials = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied));

        foreach (var url in new[]
        {
            $"/Channels/Edit/{theirs.Id}", $"/Channels/Poster/{theirs.Id}", $"/Channels/Edit/{bureauDesk.Id}", $"/Channels/Poster/{bureauDesk.Id}",
            $"/Channels/Index/{neighbourCampaign.CampaignId}", $"/Channels/Create?campaignId={neighbourCampaign.CampaignId}",
        })
        {
            Assert.True((await admina.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync($"/Channels/Edit/{theirs.Id}", [F("Name", "改名"), F("DailyLimit", "5")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync("/Channels/Create", CreateFields(world, app.UnitBId, "乙医院病区"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync("/Channels/Create", CreateFields(world, app.BureauId, "局机关"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync("/Channels/Create", CreateFields(neighbourCampaign, app.UnitAId, "借用"))).StatusCode);
        Assert.Equal(before, await app.ChannelsSnapshotAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied)) >= denials + 10);

        // The bureau's campaign reaches unit A: its administrator sees and posts codes of their own only.
        foreach (var list in new[] { await admina.GetHtmlAsync("/Channels"), await admina.GetHtmlAsync($"/Channels/Index/{world.CampaignId}") })
        {
            Assert.Contains("甲医院门诊", list);
            Assert.DoesNotContain("乙医院门诊", list);
            Assert.DoesNotContain("局机关窗口", list);
        }
        Assert.Contains("甲医院门诊", await admina.GetHtmlAsync($"/Channels/Poster/{mine.Id}"));
        var create = await admina.GetHtmlAsync($"/Channels/Create?campaignId={world.CampaignId}");
        Assert.DoesNotContain($"<option value=\"{app.UnitBId}\"", Select(create, "OrganizationId"));
        Assert.DoesNotContain($"<option value=\"{app.BureauId}\"", Select(create, "OrganizationId"));
        Assert.Contains($"<option value=\"{app.BranchAId}\"", Select(create, "OrganizationId"));
        Assert.DoesNotContain($"<option value=\"{neighbourCampaign.CampaignId}\"", Select(create, "campaignId"));
        Assert.Contains($"<option value=\"{world.CampaignId}\"", Select(create, "campaignId"));
        Assert.Equal(HttpStatusCode.Redirect, (await admina.PostFormAsync("/Channels/Create", CreateFields(world, app.BranchAId, "甲医院支部活动室"))).StatusCode);
    }

    [Fact]
    public async Task A_standing_channel_group_is_planned_on_the_campaign_pages_and_removing_it_removes_its_channels()
    {
        var (formId, _) = await app.AddFormAsync(app.BureauId, "扫码评价表");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var id = await app.CreateOnPageAsync(sys, app.BureauId, "扫码方案");
        Assert.Contains("平时评议（扫码）", await sys.GetHtmlAsync($"/Campaigns/Groups/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Campaigns/Subjects/{id}?handler=Pick", [F("organizationIds", app.UnitAId)])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Campaigns/Groups/{id}?handler=Save",
            [F("Form.Kind", "StandingChannel"), F("Form.Name", ""), F("Form.PlannedCount", 200), F("Form.Weight", 100)])).StatusCode);
        var group = await app.WithDbAsync(db => db.RaterGroups.AsNoTracking().SingleAsync(g => g.CampaignId == id));
        Assert.Equal((RaterGroupKind.StandingChannel, "平时评议（扫码）"), (group.Kind, group.Name));
        Assert.True(group.IsLowerTrust);
        var saved = await sys.PostFormAsync($"/Campaigns/Assignments/{id}?handler=Save",
            [F("Form.RaterGroupId", group.Id), F("Form.Direction", "ServiceRecipients"), F("Form.FormId", formId), F("Form.AllOfUnitType", "Hospital")]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        Assert.Contains("评议方案完整，没有发现问题。", await sys.GetHtmlAsync($"/Campaigns/Details/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Channels/Create",
            [F("CampaignId", id), F("RaterGroupId", group.Id), F("OrganizationId", app.UnitAId), F("Name", "草稿窗口"), F("DailyLimit", "1")])).StatusCode);
        await RefusedAsync(await sys.PostFormAsync($"/Campaigns/Groups/{id}?handler=Save",
            [F("Form.GroupId", group.Id), F("Form.Kind", "ServiceRecipient"), F("Form.PlannedCount", 200), F("Form.Weight", 100)]), "已设置平时评议二维码");
        Assert.Equal(RaterGroupKind.StandingChannel, (await app.WithDbAsync(db => db.RaterGroups.AsNoTracking().SingleAsync(g => g.Id == group.Id))).Kind);

        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Campaigns/Groups/{id}?handler=Remove", [F("groupId", group.Id)])).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StandingChannels.AnyAsync(c => c.CampaignId == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectId == id.ToString() && a.Detail!.Contains("平时评议二维码1个"))));
    }

    [Fact]
    public async Task Deleting_a_draft_campaign_takes_its_channels_with_it()
    {
        var world = await app.AddChannelWorldAsync("删除草稿", CampaignState.Draft);
        await app.AddChannelAsync(world, app.UnitAId, "草稿大厅");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var deleted = await sys.PostFormAsync($"/Campaigns/Details/{world.CampaignId}?handler=Delete", []);
        Assert.True(deleted.StatusCode == HttpStatusCode.Redirect, await deleted.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Id == world.CampaignId)));
        Assert.False(await app.WithDbAsync(db => db.StandingChannels.AnyAsync(c => c.CampaignId == world.CampaignId)));
    }
}

public sealed class SqliteChannelPagesTests(SqliteAppFixture app) : ChannelPagesTests<SqliteAppFixture>(app);

public sealed class PostgresChannelPagesTests(PostgresAppFixture app) : ChannelPagesTests<PostgresAppFixture>(app);
