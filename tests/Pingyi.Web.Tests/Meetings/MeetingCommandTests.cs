using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Meetings.MeetingArrange;

namespace Pingyi.Web.Tests.Meetings;

public abstract class MeetingCommandTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Admin_of_a_unit_registers_edits_and_deletes_a_meeting_of_the_bureau_campaign_on_the_pages()
    {
        var w = await app.WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains(w.Tag, await client.GetHtmlAsync("/Meetings/Create"));
        var title = $"甲医院评议会{w.Tag}";
        var fields = Fields(app, app.UnitAId, title, groupId: w.GroupId);
        fields["Form.InvitedOrganizationIds"] = I(app.BranchAId);
        fields["Form.InvitedMemberIds"] = I(app.MemberAId);
        var created = await client.PostFormAsync($"/Meetings/Create/{w.CampaignId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var m = await app.WithDbAsync(db => db.Meetings.Include(x => x.Invitees).SingleAsync(x => x.Id == id));
        Assert.Equal((title, 50, 48, 60, w.GroupId, 2), (m.Title, m.FormsIssued, m.FormsReturned, m.Attendance, m.RaterGroupId, m.Invitees.Count));
        var details = await client.GetHtmlAsync($"/Meetings/Details/{id}");
        Assert.Contains("待录入 48 份", details);
        Assert.Contains($"/Meetings/Entry/{id}", details);
        Assert.Contains("录入纸质测评票", details);
        Assert.Contains(title, await client.GetHtmlAsync($"/Meetings/Index/{w.CampaignId}"));

        fields["Form.FormsReturned"] = "50";
        fields["Form.Title"] = title + "（改）";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Meetings/Edit/{id}", fields)).StatusCode);
        Assert.Equal(50, await app.WithDbAsync(db => db.Meetings.Where(x => x.Id == id).Select(x => x.FormsReturned).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Meetings/Delete/{id}", [])).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(x => x.Id == id)));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ObjectType == "Meeting" && a.ObjectId == I(id)).Select(a => a.Action).ToListAsync());
        Assert.Equal(new[] { AuditActions.MeetingCreate, AuditActions.MeetingDelete, AuditActions.MeetingUpdate }.Order(), actions.Order());
    }

    [Fact]
    public async Task Api_records_reads_and_changes_a_meeting()
    {
        var w = await app.WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var response = await client.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, $"座谈会{w.Tag}", orgs: [app.BranchAId]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        var read = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/meetings/{id}")).RootElement;
        Assert.Equal("Forum", read.GetProperty("kind").GetString());
        Assert.Equal(48, read.GetProperty("tally").GetProperty("remaining").GetInt32());
        Assert.False(read.GetProperty("tally").GetProperty("complete").GetBoolean());
        var put = await client.Http.PutAsJsonAsync($"/api/meetings/{id}", Request(app, w, app.BranchAId, $"座谈会{w.Tag}", issued: 40, returned: 40));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var list = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/meetings?campaignId={w.CampaignId}")).RootElement;
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(app.BranchAId, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.HostOrganizationId).SingleAsync()));
    }

    [Fact]
    public async Task Returned_above_issued_is_refused_on_page_and_api_and_nothing_is_stored()
    {
        var w = await app.WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.SnapshotAsync();
        var page = await client.PostFormAsync($"/Meetings/Create/{w.CampaignId}", Fields(app, app.UnitAId, "超额", issued: 10, returned: 11, groupId: w.GroupId));
        Assert.Contains("回收份数（11）不能多于发放份数（10）。", await page.Content.ReadAsStringAsync());
        Assert.Contains("回收份数（11）不能多于发放份数（10）。",
            await ProblemTitleAsync(await client.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, "超额", issued: 10, returned: 11))));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Returned_and_issued_cannot_drop_below_the_typed_paper()
    {
        var w = await app.WorldAsync();
        var id = await app.MeetingAsync(w, app.UnitAId, issued: 20, returned: 10);
        await app.SlipsAsync(id, 1, 3, PaperSlipState.Counted);
        await app.SlipsAsync(id, 12, 1, PaperSlipState.Void);
        await app.EntryAsync(id, 5);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.SnapshotAsync();
        var title = await ProblemTitleAsync(await client.Http.PutAsJsonAsync($"/api/meetings/{id}", Request(app, w, app.UnitAId, "少于", issued: 11, returned: 4)));
        Assert.Contains("已打印或录入到第12号测评表，发放份数不能少于12。", title);
        Assert.Contains("已录入5份测评票，回收份数不能少于5。", title);
        Assert.Contains("已录入纸质测评票的评议会不能删除。", await (await client.PostFormAsync($"/Meetings/Delete/{id}", [])).Content.ReadAsStringAsync());
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Host_outside_scope_or_outside_the_campaign_and_foreign_groups_are_refused()
    {
        var w = await app.WorldAsync();
        var other = await app.WorldAsync();
        var inA = await app.WorldAsync(runBy: app.UnitAId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var before = await app.SnapshotAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitBId, "越界"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/Meetings/Create/{w.CampaignId}", Fields(app, app.UnitBId, "越界", groupId: w.GroupId))).StatusCode);
        Assert.Contains("不在评议活动", await ProblemTitleAsync(await sys.Http.PostAsJsonAsync("/api/meetings", Request(app, inA, app.UnitBId, "活动外"))));
        Assert.Contains("评议人类别须是本评议活动的评议人类别。",
            await ProblemTitleAsync(await admin.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, "他组", groupId: other.GroupId))));
        Assert.Contains("平时评议二维码的类别",
            await ProblemTitleAsync(await admin.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, "平时组", groupId: w.StandingGroupId))));
        Assert.Contains("邀请的组织有的不存在或不在您的管理范围内。",
            await ProblemTitleAsync(await admin.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, "邀请", orgs: [app.UnitBId]))));
        Assert.Contains("邀请的人员有的不存在或不在您的管理范围内。",
            await ProblemTitleAsync(await admin.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, "邀请", members: [app.MemberBId]))));
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task Hostile_text_is_shown_inert_and_bad_input_gets_a_chinese_message()
    {
        var w = await app.WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var script = "<script>alert(1)</script>";
        var fields = Fields(app, app.UnitAId, script + w.Tag, groupId: w.GroupId);
        fields["Form.Minutes"] = "<img src=x onerror=alert(1)>";
        var created = await client.PostFormAsync($"/Meetings/Create/{w.CampaignId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = await client.GetHtmlAsync(created.Headers.Location!.OriginalString);
        Assert.DoesNotContain(script, details);
        Assert.DoesNotContain("<img src=x", details);
        Assert.Contains("&lt;script&gt;", details);

        var before = await app.SnapshotAsync();
        async Task<string> Post(Dictionary<string, string> f) =>
            await (await client.PostFormAsync($"/Meetings/Create/{w.CampaignId}", f)).Content.ReadAsStringAsync();
        var longTitle = Fields(app, app.UnitAId, new string('长', Meeting.TitleMaxLength + 1), groupId: w.GroupId);
        Assert.Contains($"名称不能超过{Meeting.TitleMaxLength}个字符。", await Post(longTitle));
        var missing = Fields(app, app.UnitAId, "", groupId: w.GroupId);
        missing["Form.Place"] = "";
        var html = await Post(missing);
        Assert.Contains("名称不能为空。", html);
        Assert.Contains("地点不能为空。", html);
        var badNumber = Fields(app, app.UnitAId, "数字", groupId: w.GroupId);
        badNumber["Form.FormsIssued"] = "五十";
        Assert.Contains("填写的内容格式不正确，请检查后重试。", await Post(badNumber));
        Assert.Contains("召开日期的格式不正确", await Post(Fields(app, app.UnitAId, "日期", groupId: w.GroupId, heldOn: "2025/13/45")));
        Assert.Contains("召开日期不能晚于评议期结束日期",
            await Post(Fields(app, app.UnitAId, "日期", groupId: w.GroupId, heldOn: CampaignTestData.Iso(app.Today().AddDays(30)))));
        Assert.Contains("kind 不正确", await ProblemTitleAsync(await client.Http.PostAsJsonAsync("/api/meetings", new { campaignId = w.CampaignId, kind = "Party" })));
        Assert.Contains("召开日期的格式不正确",
            await ProblemTitleAsync(await client.Http.PostAsJsonAsync("/api/meetings", Request(app, w, app.UnitAId, "日期", heldOn: "昨天"))));
        var malformed = await client.Http.PostAsync("/api/meetings", new StringContent("{\"formsIssued\": \"很多\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
    }
}

public sealed class SqliteMeetingCommandTests(SqliteAppFixture a) : MeetingCommandTests<SqliteAppFixture>(a);

public sealed class PostgresMeetingCommandTests(PostgresAppFixture a) : MeetingCommandTests<PostgresAppFixture>(a);
