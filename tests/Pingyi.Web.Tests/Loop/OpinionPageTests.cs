using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Loop.OpinionArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Staff typing in opinions, reading, categorising and replying to them, and the list with its filters.</summary>
public abstract partial class OpinionPageTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [GeneratedRegex("class=\"receipt-code\" lang=\"en\">([A-Z0-9-]+)<")]
    private static partial Regex ReceiptPattern();

    [Fact]
    public async Task Staff_entry_round_trip_with_a_receipt_shown_once_and_stored_as_a_hash()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var category = await app.WithDbAsync(db => db.OpinionCategories.Where(c => c.Name == "服务态度").Select(c => c.Id).SingleAsync());
        var today = app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostFormAsync("/Opinions/New", StaffFields(app.BranchAId, "来信反映窗口人员态度生硬", today, "Letter",
            I(category), receipt: true, note: "信访件 2026-17"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = ReceiptPattern().Match(html).Groups[1].Value.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(12, receipt.Length);

        var stored = await app.WithDbAsync(db => db.Opinions.AsNoTracking().SingleAsync(o => o.Text == "来信反映窗口人员态度生硬"));
        Assert.Equal(OpinionSource.Letter, stored.Source);
        Assert.Equal(app.BranchAId, stored.OrganizationId);
        Assert.Equal(category, stored.CategoryId);
        Assert.Equal("信访件 2026-17", stored.SourceNote);
        Assert.Equal(AppFixture.AdminA, stored.RecordedBy);
        Assert.Equal(app.Today(), stored.ReceivedOn);
        var key = app.Factory.Services.GetRequiredService<TokenKey>();
        Assert.Equal(await key.HashAsync(receipt), stored.ReceiptHash);

        // The receipt is nowhere else: not on the detail page, not in the audit trail, which names the id and not the text.
        var detail = await client.GetHtmlAsync($"/Opinions/Detail/{stored.Id}");
        Assert.Contains("来信反映窗口人员态度生硬", detail);
        Assert.Contains("已发回执码", detail);
        Assert.DoesNotContain(receipt, detail);
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.OpinionCreate && a.ObjectId == stored.Id.ToString()).ToListAsync());
        var row = Assert.Single(audits);
        Assert.DoesNotContain("态度生硬", row.Detail);
        Assert.DoesNotContain(receipt, row.Detail);
        Assert.Contains("来信反映窗口人员态度生硬", await client.GetHtmlAsync("/Opinions?q=态度生硬"));

        // Without a receipt: a redirect to the detail page, no hash.
        var plain = await client.PostFormAsync("/Opinions/New", StaffFields(app.UnitAId, "热线反映停车难无收据", today, "Hotline"));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.Opinions.SingleAsync(o => o.Text == "热线反映停车难无收据"))).ReceiptHash);
    }

    [Fact]
    public async Task Staff_entry_ties_an_interview_to_its_meeting_and_campaign()
    {
        var w = await Meetings.MeetingArrange.WorldAsync(app);
        var meeting = await Meetings.MeetingArrange.MeetingAsync(app, w, app.UnitAId, kind: MeetingKind.Interview, title: $"访谈{w.Tag}");
        var theirs = await Meetings.MeetingArrange.MeetingAsync(app, w, app.UnitBId, title: $"乙院会{w.Tag}");
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var today = Day(app.Today());
        Assert.Contains($"访谈{w.Tag}", await client.GetHtmlAsync("/Opinions/New"));

        var response = await client.PostFormAsync("/Opinions/New", StaffFields(app.BranchAId, $"访谈意见{w.Tag}", today, "Interview", meetingId: I(meeting)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Opinions.AsNoTracking().SingleAsync(o => o.Text == $"访谈意见{w.Tag}"));
        Assert.Equal(meeting, stored.MeetingId);
        Assert.Equal(w.CampaignId, stored.CampaignId);
        Assert.Contains($"访谈{w.Tag}", await client.GetHtmlAsync($"/Opinions/Detail/{stored.Id}"));

        var before = await app.OpinionsSnapshotAsync();
        var letter = await client.PostFormAsync("/Opinions/New", StaffFields(app.BranchAId, "来信挂评议会", today, "Letter", meetingId: I(meeting)));
        Assert.Contains("只有评议会/座谈会、个别访谈、走访的意见可以关联评议会。", await letter.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/Opinions/New",
            StaffFields(app.BranchAId, "挂乙院的会", today, "Meeting", meetingId: I(theirs)))).StatusCode);
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }

    [Fact]
    public async Task Staff_entry_refuses_bad_input_in_chinese_and_stores_nothing()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var today = app.Today();
        var before = await app.OpinionsSnapshotAsync();
        var cases = new (List<KeyValuePair<string, string>> Fields, string Message)[]
        {
            (StaffFields(app.UnitAId, "", Day(today)), "请填写意见建议的内容。"),
            (StaffFields(app.UnitAId, new string('长', Opinion.TextMaxLength + 1), Day(today)), "意见建议的内容不能超过2000个字。"),
            (StaffFields(app.UnitAId, "明天的来信", Day(today.AddDays(1))), "收到日期不能晚于今天。"),
            (StaffFields(app.UnitAId, "日期乱写", "2026-13-45"), "收到日期的格式不正确"),
            (StaffFields(app.UnitAId, "没有日期", ""), "请填写收到日期。"),
            (StaffFields(app.UnitAId, "来源说明太长", Day(today), note: new string('注', 201)), "来源说明不能超过200个字。"),
            (StaffFields(app.UnitAId, "测评票不能手工登记", Day(today), source: "Ballot"), "来源不正确"),
            (StaffFields(app.UnitAId, "未知类别", Day(today), categoryId: "999999"), "请选择有效的意见类别。"),
            (StaffFields(app.UnitAId, "类别不是数字", Day(today), categoryId: "abc"), "填写的内容格式不正确"),
        };
        foreach (var (fields, message) in cases)
        {
            var html = await (await client.PostFormAsync("/Opinions/New", fields)).Content.ReadAsStringAsync();
            Assert.Contains(message, html);
        }
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_typed_and_shown_inert()
    {
        const string Hostile = "<script>alert('x')</script>=HYPERLINK(\"http://evil\")";
        var id = await app.AddOpinionAsync(app.UnitAId, Hostile);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(Hostile, (await app.OpinionAsync(id)).Text);
        foreach (var url in new[] { $"/Opinions/Detail/{id}", "/Opinions?q=HYPERLINK" })
        {
            var html = await client.GetHtmlAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("&lt;script&gt;", html);
        }
    }

    [Fact]
    public async Task Category_change_and_a_direct_reply_reach_the_whole_merge_group()
    {
        var head = await app.AddOpinionAsync(app.UnitAId, "表扬急诊科医生耐心细致");
        var merged = await app.AddOpinionAsync(app.UnitAId, "急诊科医生很耐心，表扬", OpinionSource.Ballot, change: o => o.MergedIntoId = head);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var category = await app.WithDbAsync(db => db.OpinionCategories.Where(c => c.Name == "医德医风").Select(c => c.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Opinions/Detail/{head}?handler=Category", [new("categoryId", I(category))])).StatusCode);
        Assert.Equal(category, (await app.OpinionAsync(head)).CategoryId);

        var missing = await client.PostFormAsync($"/Opinions/Detail/{merged}?handler=Reply", [new("Reply", " ")]);
        Assert.Contains("请填写答复内容。", await missing.Content.ReadAsStringAsync());
        Assert.Null((await app.OpinionAsync(head)).Reply);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Opinions/Detail/{merged}?handler=Reply", [new("Reply", "感谢您的表扬，已转达。")])).StatusCode);
        foreach (var id in new[] { head, merged })
        {
            var o = await app.OpinionAsync(id);
            Assert.Equal("感谢您的表扬，已转达。", o.Reply);
            Assert.Equal(app.Today(), o.RepliedOn);
            Assert.Equal(AppFixture.AdminA, o.RepliedBy);
        }
        // The ballot's remark is never named in the audit trail.
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectId == merged.ToString() || (a.Detail != null && a.Detail.Contains(merged.ToString())))));
        var html = await client.GetHtmlAsync($"/Opinions/Detail/{head}");
        Assert.Contains("合并情况（共 2 条）", html);
        Assert.DoesNotContain("取消合并", html);
    }

    [Fact]
    public async Task An_opinion_on_a_problem_links_to_it_and_takes_no_direct_reply()
    {
        var problem = await app.WithDbAsync(async db =>
        {
            var p = new Problem { OrganizationId = app.UnitAId, Title = "挂号难", Description = "挂号排队久" };
            db.Problems.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var id = await app.AddOpinionAsync(app.UnitAId, "挂号排队一小时", change: o => o.ProblemId = problem);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains($"/Problems/Detail/{problem}", await client.GetHtmlAsync($"/Opinions/Detail/{id}"));
        var refused = await client.PostFormAsync($"/Opinions/Detail/{id}?handler=Reply", [new("Reply", "不必整改")]);
        Assert.Contains("该意见已转为问题", await refused.Content.ReadAsStringAsync());
        Assert.Null((await app.OpinionAsync(id)).Reply);
    }

    [Fact]
    public async Task The_list_filters_by_state_and_source_counts_merge_groups_and_offers_problems_for_pending_ones()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var head = await app.AddOpinionAsync(app.BranchAId, $"走廊太暗{tag}", OpinionSource.Visit);
        await app.AddOpinionAsync(app.BranchAId, $"走廊灯太暗{tag}", OpinionSource.Ballot, change: o => o.MergedIntoId = head);
        await app.AddOpinionAsync(app.BranchAId, $"走廊照明不足{tag}", OpinionSource.PublicBox, change: o => o.MergedIntoId = head);
        var replied = await app.AddOpinionAsync(app.BranchAId, $"谢谢护士{tag}", change: o => o.Reply = "谢谢");
        using var client = await app.SignInAsync(AppFixture.AdminA);

        var all = await client.GetHtmlAsync($"/Opinions?q={tag}");
        Assert.Contains("共 4 条", all);
        Assert.Matches(new Regex($"走廊太暗{tag}</a></td>.*?<td>3</td>", RegexOptions.Singleline), all);
        Assert.Contains("action=\"/Problems/New\"", all);
        Assert.Contains($"name=\"opinions\" value=\"{head}\"", all);
        Assert.DoesNotContain($"name=\"opinions\" value=\"{replied}\"", all);

        Assert.Contains("共 1 条", await client.GetHtmlAsync($"/Opinions?q={tag}&state=Pending"));
        Assert.Contains("共 2 条", await client.GetHtmlAsync($"/Opinions?q={tag}&state=Merged"));
        Assert.Contains("共 1 条", await client.GetHtmlAsync($"/Opinions?q={tag}&state=Replied"));
        Assert.Contains("共 1 条", await client.GetHtmlAsync($"/Opinions?q={tag}&source=PublicBox"));
        Assert.Contains("共 4 条", await client.GetHtmlAsync($"/Opinions?q={tag}&organizationId={app.BranchAId}"));
        Assert.Contains("共 0 条", await client.GetHtmlAsync($"/Opinions?q={tag}&organizationId={app.UnitAId}"));
    }

    [Fact]
    public async Task The_list_pages_by_fifty()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 51; i++)
        {
            await app.AddOpinionAsync(app.UnitAId, $"分页{tag}第{i}条");
        }
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var first = await client.GetHtmlAsync($"/Opinions?q={tag}");
        Assert.Contains("共 51 条，第 1 / 2 页", first);
        Assert.Equal(50, Regex.Matches(first, "name=\"opinions\"").Count);
        Assert.Contains("下一页", first);
        var second = await client.GetHtmlAsync($"/Opinions?q={tag}&p=2");
        Assert.Single(Regex.Matches(second, "name=\"opinions\""));
    }

    [Fact]
    public async Task Neighbour_opinions_answer_404_on_every_page_and_nothing_changes()
    {
        var theirs = await app.AddOpinionAsync(app.BranchBId, "乙院邻居的意见内容");
        var theirsToo = await app.AddOpinionAsync(app.BranchBId, "乙院邻居的意见内容啊");
        var mine = await app.AddOpinionAsync(app.UnitAId, "甲院自己的意见内容");
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.OpinionsSnapshotAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Opinions/Detail/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Opinions?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Opinions/Similar?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/Opinions/Detail/{theirs}?handler=Category", [new("categoryId", "1")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/Opinions/Detail/{theirs}?handler=Reply", [new("Reply", "夺取")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/Opinions/Detail/{mine}?handler=Unmerge", [new("member", theirs.ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/Opinions/Similar?handler=Merge", [new("first", theirs.ToString()), new("second", theirsToo.ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/Opinions/Similar?handler=Merge", [new("first", mine.ToString()), new("second", theirs.ToString())])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/Opinions/New",
            StaffFields(app.UnitBId, "替邻居登记", app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
        // The refusal is audited, but never with the opinion's id (it may be a ballot's remark).
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Denied && a.ObjectType == "Opinion")));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectId == theirs.ToString() || a.Detail!.Contains(theirs.ToString()))));

        foreach (var url in new[] { "/Opinions", "/Opinions/Similar", "/Opinions/New" })
        {
            var html = await client.GetHtmlAsync(url);
            Assert.DoesNotContain("乙院邻居", html);
            Assert.DoesNotContain("乙医院", html);
        }
        // Searched for: other tests of this class add enough of unit A's opinions to push it off the first page.
        Assert.Contains("甲院自己的意见内容", await client.GetHtmlAsync("/Opinions?q=" + Uri.EscapeDataString("甲院自己的意见内容")));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteOpinionPageTests(SqliteAppFixture a) : OpinionPageTests<SqliteAppFixture>(a);

public sealed class PostgresOpinionPageTests(PostgresAppFixture a) : OpinionPageTests<PostgresAppFixture>(a);
