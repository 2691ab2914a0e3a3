using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;

namespace Pingyi.Web.Tests.Campaigns;

/// <summary>Bad, missing, over-long, malformed and hostile input on the campaign pages and API: a clear Chinese reason, nothing stored.</summary>
public abstract class CampaignInputTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "<img src=x onerror=alert(2)>";

    public static TheoryData<string, string, string, string, string, int, string> BadDetails => new()
    {
        // name, theme, startsOn, endsOn (as offsets or raw text), k, message
        { "blank", "", "", "0", "20", 5, "活动名称不能为空" },
        { "long-name", new string('名', 101), "", "0", "20", 5, "活动名称不能超过100个字符" },
        { "long-theme", "主题过长", new string('题', 201), "0", "20", 5, "主题不能超过200个字符" },
        { "ends-before", "结束早于开始", "", "10", "5", 5, "评议期的结束日期不能早于开始日期" },
        { "k2", "k太小", "", "0", "20", 2, "最小分组人数不能小于3" },
        { "k-huge", "k太大", "", "0", "20", 101, "最小分组人数不能大于100" },
        { "bad-date", "日期错误", "", "2025-13-45", "20", 5, "开始日期的格式不正确" },
        { "text-date", "日期是文字", "", "0", "明天", 5, "结束日期的格式不正确" },
        { "no-dates", "没有日期", "", "", "", 5, "请填写评议期的开始和结束日期" },
        { "control", "控制\u0007字符", "", "0", "20", 5, "活动名称含有不可见的控制字符" },
    };

    private string Date(string offsetOrText) =>
        int.TryParse(offsetOrText, out var days) ? Iso(app.Today().AddDays(days)) : offsetOrText;

    [Theory]
    [MemberData(nameof(BadDetails))]
    public async Task Bad_details_on_the_create_page_get_a_message_and_store_nothing(string _, string name, string theme, string starts, string ends, int k, string message)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var count = await app.CampaignCountAsync();
        var fields = DetailsFields(app.UnitAId, name, app.Today(), app.Today(), k, theme);
        fields["Form.StartsOn"] = Date(starts);
        fields["Form.EndsOn"] = Date(ends);
        var response = await client.PostFormAsync("/Campaigns/Create", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(count, await app.CampaignCountAsync());
    }

    [Theory]
    [MemberData(nameof(BadDetails))]
    public async Task Bad_details_in_the_api_get_a_problem_and_store_nothing(string _, string name, string theme, string starts, string ends, int k, string message)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var (form, _) = await app.AddFormAsync(app.UnitAId, "接口校验表");
        var count = await app.CampaignCountAsync();
        var response = await client.Http.PostAsJsonAsync("/api/campaigns", new
        {
            organizationId = app.UnitAId,
            name,
            theme,
            year = app.Today().Year,
            startsOn = Date(starts),
            endsOn = Date(ends),
            minGroupSize = k,
            subjects = new { organizationIds = new[] { app.BranchAId } },
            groups = new[] { new { kind = "PartyMember", plannedCount = 10, weight = 100 } },
            assignments = new[] { new { groupIndex = 0, direction = "MembersRateOrganization", formId = form, organizationIds = new[] { app.BranchAId } } },
        });
        Assert.Contains(message, await ProblemAsync(response));
        Assert.Equal(count, await app.CampaignCountAsync());
    }

    [Fact]
    public async Task Malformed_numbers_and_a_second_edit_of_details_get_clear_messages()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var count = await app.CampaignCountAsync();
        var fields = DetailsFields(app.UnitAId, "数字错误", app.Today(), app.Today().AddDays(3));
        fields["Form.MinGroupSize"] = "五";
        var response = await client.PostFormAsync("/Campaigns/Create", fields);
        Assert.Contains("填写的内容格式不正确", await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await app.CampaignCountAsync());

        var id = await app.CreateOnPageAsync(client, app.UnitAId, "修改前");
        var before = await app.SnapshotAsync(id);
        var edit = DetailsFields(app.UnitAId, "修改后", app.Today(), app.Today().AddDays(-1));
        var refused = await client.PostFormAsync($"/Campaigns/Edit/{id}", edit);
        Assert.Contains("评议期的结束日期不能早于开始日期", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.SnapshotAsync(id));
        edit["Form.EndsOn"] = Iso(app.Today().AddDays(9));
        edit["Form.MinGroupSize"] = "8";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Campaigns/Edit/{id}", edit)).StatusCode);
        var saved = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("修改后", 8), (saved.Name, saved.MinGroupSize));
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_are_shown_with_the_total_and_keep_the_campaign_from_opening()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var (form, _) = await app.AddFormAsync(app.UnitAId, "权重测试表");
        var id = await client.CreateViaApiAsync(app.SimplePlan(app.UnitAId, "权重测试", form, [app.BranchAId]));
        var group = await app.WithDbAsync(db => db.RaterGroups.AsNoTracking().SingleAsync(g => g.CampaignId == id));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Campaigns/Groups/{id}?handler=Save",
            [F("Form.GroupId", group.Id), F("Form.Kind", "ServiceRecipient"), F("Form.PlannedCount", 50), F("Form.Weight", 90)])).StatusCode);
        Assert.Contains("各评议人类别的权重合计为90，应为100。", await client.GetHtmlAsync($"/Campaigns/Details/{id}"));
        Assert.Contains("权重合计应为100%", await client.GetHtmlAsync($"/Campaigns/Groups/{id}"));
        var open = await client.PostFormAsync($"/Campaigns/Details/{id}?handler=State", [F("to", "Open")]);
        Assert.Contains("各评议人类别的权重合计为90，应为100。", await open.Content.ReadAsStringAsync());
        Assert.Equal(CampaignState.Draft, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.FormVersions.Where(v => v.FormId == form).Select(v => v.FrozenUtc).SingleAsync()));
    }

    [Fact]
    public async Task Plan_mistakes_in_the_api_are_refused_with_their_reasons_and_nothing_is_stored()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var (form, _) = await app.AddFormAsync(app.BureauId, "接口方案表");
        var count = await app.CampaignCountAsync();
        var groups = new[]
        {
            new { kind = "ServiceRecipient", name = (string?)null, plannedCount = 50, weight = 60 },
            new { kind = "Custom", name = (string?)"人大代表小组", plannedCount = 3, weight = 30 },
        };
        object Request(int? formId, int[] subjects, int organizationId) => new
        {
            organizationId,
            name = "方案错误",
            year = app.Today().Year,
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today().AddDays(9)),
            subjects = new { organizationIds = subjects },
            groups,
            assignments = new[]
            {
                new { groupIndex = 0, direction = "ServiceRecipients", formId, organizationIds = subjects },
                new { groupIndex = 1, direction = "TopDown", formId = (int?)form, organizationIds = subjects },
            },
        };
        var weights = await ProblemAsync(await client.Http.PostAsJsonAsync("/api/campaigns", Request(form, [app.UnitAId], app.BureauId)));
        Assert.Contains("各评议人类别的权重合计为90，应为100。", weights);
        groups[0] = groups[0] with { weight = 70 };
        var noForm = await ProblemAsync(await client.Http.PostAsJsonAsync("/api/campaigns", Request(null, [app.UnitAId], app.BureauId)));
        Assert.Contains("第1条评议安排没有指定测评表。", noForm);
        var outside = await ProblemAsync(await client.Http.PostAsJsonAsync("/api/campaigns", Request(form, [app.UnitAId, app.UnitBId], app.UnitAId)));
        Assert.Contains("评议对象“乙医院”不在甲医院的范围内。", outside);
        var badIndex = await client.Http.PostAsJsonAsync("/api/campaigns", new
        {
            organizationId = app.UnitAId,
            name = "序号错误",
            year = app.Today().Year,
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today()),
            subjects = new { organizationIds = new[] { app.BranchAId } },
            groups = new[] { new { kind = "PartyMember", plannedCount = 10, weight = 100 } },
            assignments = new[]
            {
                new { groupIndex = 3, direction = "MembersRateOrganization", formId = form, organizationIds = new[] { app.BranchAId }, memberIds = Array.Empty<int>() },
                new { groupIndex = 0, direction = "MembersRateOrganization", formId = form, organizationIds = Array.Empty<int>(), memberIds = new[] { app.MemberAId } },
            },
        });
        var badIndexText = await ProblemAsync(badIndex);
        Assert.Contains("评议人类别序号3不存在", badIndexText);
        Assert.Contains("第2条评议安排的对象必须是本活动的评议对象", badIndexText);
        Assert.Equal(count, await app.CampaignCountAsync());

        // The same plan, corrected, is accepted: the refusals above were about the mistakes alone.
        var fixedId = await client.CreateViaApiAsync(Request(form, [app.UnitAId], app.BureauId));
        Assert.Contains("“人大代表小组”的名额3少于最小分组人数5", await client.GetHtmlAsync($"/Campaigns/Details/{fixedId}"));
    }

    [Fact]
    public async Task Plan_mistakes_on_the_pages_are_refused_with_their_reasons_and_nothing_is_stored()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var (form, _) = await app.AddFormAsync(app.BureauId, "页面方案表");
        var id = await app.CreateOnPageAsync(client, app.UnitAId, "页面方案错误");
        var outside = await client.PostFormAsync($"/Campaigns/Subjects/{id}?handler=Pick", [F("organizationIds", app.UnitBId)]);
        Assert.Contains("评议对象“乙医院”不在甲医院的范围内。", await outside.Content.ReadAsStringAsync());
        var outsideMember = await client.PostFormAsync($"/Campaigns/Subjects/{id}?handler=Pick", [F("memberIds", app.MemberBId)]);
        Assert.Contains("评议对象“乙成员（乙医院党支部）”不在甲医院的范围内。", await outsideMember.Content.ReadAsStringAsync());
        var outsideTree = await client.PostFormAsync($"/Campaigns/Subjects/{id}?handler=Subtree", [F("rootId", app.BureauId)]);
        Assert.Contains("不在甲医院的范围内", await outsideTree.Content.ReadAsStringAsync());
        var nothing = await client.PostFormAsync($"/Campaigns/Subjects/{id}?handler=Pick", []);
        Assert.Contains("请选择要添加的评议对象。", await nothing.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.CampaignSubjects.AnyAsync(s => s.CampaignId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Campaigns/Subjects/{id}?handler=Pick", [F("organizationIds", app.BranchAId)])).StatusCode);
        var badGroups = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            ([F("Form.Kind", "Custom"), F("Form.Name", ""), F("Form.PlannedCount", 5), F("Form.Weight", 50)], "自定义类别名称不能为空"),
            ([F("Form.Kind", "Custom"), F("Form.Name", new string('类', 51)), F("Form.PlannedCount", 5), F("Form.Weight", 50)], "自定义类别名称不能超过50个字符"),
            ([F("Form.Kind", "PartyMember"), F("Form.PlannedCount", 0), F("Form.Weight", 50)], "名额应在1到1000000之间"),
            ([F("Form.Kind", "PartyMember"), F("Form.PlannedCount", 5), F("Form.Weight", 101)], "权重应在0到100之间"),
            ([F("Form.Kind", "PartyMember"), F("Form.PlannedCount", 5), F("Form.Weight", -1)], "权重应在0到100之间"),
            ([F("Form.Kind", "Bogus"), F("Form.PlannedCount", 5), F("Form.Weight", 50)], "填写的内容格式不正确"),
            ([F("Form.Kind", "42"), F("Form.PlannedCount", 5), F("Form.Weight", 50)], "填写的内容格式不正确"),
            ([F("Form.Kind", "PartyMember"), F("Form.PlannedCount", "很多"), F("Form.Weight", 50)], "填写的内容格式不正确"),
        };
        foreach (var (fields, message) in badGroups)
        {
            var response = await client.PostFormAsync($"/Campaigns/Groups/{id}?handler=Save", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        Assert.False(await app.WithDbAsync(db => db.RaterGroups.AnyAsync(g => g.CampaignId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Campaigns/Groups/{id}?handler=Save",
            [F("Form.Kind", "PartyMember"), F("Form.PlannedCount", 5), F("Form.Weight", 100)])).StatusCode);
        var sameName = await client.PostFormAsync($"/Campaigns/Groups/{id}?handler=Save", [F("Form.Kind", "PartyMember"), F("Form.PlannedCount", 5), F("Form.Weight", 0)]);
        Assert.Contains("评议人类别“党员”已经存在", await sameName.Content.ReadAsStringAsync());
        var groupId = await app.WithDbAsync(db => db.RaterGroups.Where(g => g.CampaignId == id).Select(g => g.Id).SingleAsync());
        var subjectId = await app.WithDbAsync(db => db.CampaignSubjects.Where(s => s.CampaignId == id).Select(s => s.Id).SingleAsync());
        var badAssignments = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            ([F("Form.RaterGroupId", groupId), F("Form.Direction", "TopDown"), F("Form.FormId", ""), F("Form.SubjectIds", subjectId)], "评议安排“党员·上评下”没有指定测评表。"),
            ([F("Form.RaterGroupId", groupId), F("Form.Direction", "TopDown"), F("Form.FormId", form)], "评议安排“党员·上评下”没有选择评议对象。"),
            ([F("Form.RaterGroupId", groupId), F("Form.Direction", "OrganizationRatesMembers"), F("Form.FormId", form), F("Form.SubjectIds", subjectId)], "“党组织评议党员”的评议对象应是党员。"),
            ([F("Form.RaterGroupId", groupId), F("Form.Direction", "Sideways"), F("Form.FormId", form), F("Form.SubjectIds", subjectId)], "填写的内容格式不正确"),
            ([F("Form.RaterGroupId", groupId), F("Form.Direction", "99"), F("Form.FormId", form), F("Form.SubjectIds", subjectId)], "填写的内容格式不正确"),
            ([F("Form.RaterGroupId", 0), F("Form.Direction", "TopDown"), F("Form.FormId", form), F("Form.SubjectIds", subjectId)], "请选择评议人类别"),
        };
        foreach (var (fields, message) in badAssignments)
        {
            var response = await client.PostFormAsync($"/Campaigns/Assignments/{id}?handler=Save", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        Assert.False(await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.CampaignId == id)));
    }

    [Fact]
    public async Task Malformed_states_dates_and_enums_get_clear_messages()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var (form, _) = await app.AddFormAsync(app.UnitAId, "格式测试表");
        var id = await client.CreateViaApiAsync(app.SimplePlan(app.UnitAId, "格式测试", form, [app.BranchAId]));
        var before = await app.SnapshotAsync(id);

        foreach (var state in new[] { "Bogus", "2", "Open, Closed", "" })
        {
            Assert.Contains("状态不正确", await ProblemAsync(await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/state", new { state })));
        }
        var page = await client.PostFormAsync($"/Campaigns/Details/{id}?handler=State", [F("to", "'; DROP TABLE Campaigns; --")]);
        Assert.Contains("填写的内容格式不正确", await page.Content.ReadAsStringAsync());
        var numeric = await client.PostFormAsync($"/Campaigns/Details/{id}?handler=State", [F("to", "42")]);
        Assert.Contains("填写的内容格式不正确", await numeric.Content.ReadAsStringAsync());

        foreach (var endsOn in new[] { "2025/01/01", "明天", "2025-02-30", "" })
        {
            var text = await ProblemAsync(await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/extend", new { endsOn }));
            Assert.Contains("结束日期", text);
            var onPage = await client.PostFormAsync($"/Campaigns/Details/{id}?handler=Extend", [F("EndsOn", endsOn)]);
            Assert.Contains("新的结束日期", await onPage.Content.ReadAsStringAsync());
        }
        await AssertMalformedAsync(await client.Http.PostAsync($"/api/campaigns/{id}/extend",
            new StringContent("{\"endsOn\": 20250101", Encoding.UTF8, "application/json")));
        Assert.Contains("状态不正确", await ProblemAsync(await client.Http.GetAsync("/api/campaigns?state=Nope")));
        Assert.Equal(before, await app.SnapshotAsync(id));

        var count = await app.CampaignCountAsync();
        var badEnums = await client.Http.PostAsJsonAsync("/api/campaigns", new
        {
            organizationId = app.UnitAId,
            name = "枚举错误",
            year = app.Today().Year,
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today()),
            subjects = new { organizationIds = new[] { app.BranchAId } },
            groups = new[] { new { kind = "Patients", plannedCount = 10, weight = 100 } },
            assignments = new[] { new { groupIndex = 0, direction = "1", formId = form, organizationIds = new[] { app.BranchAId } } },
        });
        var text2 = await ProblemAsync(badEnums);
        Assert.Contains("第1个评议人类别的 kind 不正确，应为ServiceRecipient", text2);
        Assert.Contains("第1条评议安排的 direction 不正确", text2);
        var wrongType = await client.Http.PostAsync("/api/campaigns", new StringContent(
            "{\"organizationId\": \"甲\", \"name\": \"类型错误\"}", Encoding.UTF8, "application/json"));
        await AssertMalformedAsync(wrongType);
        var tooMany = await client.Http.PostAsJsonAsync("/api/campaigns", new
        {
            organizationId = app.UnitAId,
            name = "太多类别",
            year = app.Today().Year,
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today()),
            groups = Enumerable.Range(0, 31).Select(i => new { kind = "Custom", name = $"类别{i}", plannedCount = 5, weight = 1 }),
        });
        Assert.Contains("最多30个评议人类别", await ProblemAsync(tooMany));
        Assert.Equal(count, await app.CampaignCountAsync());
    }

    /// <summary>JSON that cannot be read never reaches the endpoint: the app answers 400 with its Chinese error page, no internals.</summary>
    private static async Task AssertMalformedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("格式不正确", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Html_in_names_themes_and_group_names_is_shown_inert()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var (form, _) = await app.AddFormAsync(app.UnitAId, Script);
        var id = await client.CreateViaApiAsync(new
        {
            organizationId = app.UnitAId,
            name = Script,
            theme = Img,
            year = app.Today().Year,
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today().AddDays(9)),
            subjects = new { organizationIds = new[] { app.BranchAId } },
            groups = new[] { new { kind = "Custom", name = Img, plannedCount = 10, weight = 100 } },
            assignments = new[] { new { groupIndex = 0, direction = "MembersRateOrganization", formId = form, organizationIds = new[] { app.BranchAId } } },
        });
        var pages = new[]
        {
            "/Campaigns", $"/Campaigns/Details/{id}", $"/Campaigns/Groups/{id}", $"/Campaigns/Assignments/{id}",
            $"/Campaigns/Subjects/{id}", $"/Campaigns/Edit/{id}",
        };
        foreach (var url in pages)
        {
            var html = await client.GetHtmlAsync(url);
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
        var details = await client.GetHtmlAsync($"/Campaigns/Details/{id}");
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", details);

        foreach (var url in new[] { $"/api/campaigns/{id}", "/api/campaigns" })
        {
            var json = await client.Http.GetStringAsync(url);
            Assert.DoesNotContain("<script>", json);
            Assert.DoesNotContain("<img", json);
            var parsed = System.Text.Json.JsonDocument.Parse(json).RootElement;
            var campaign = parsed.ValueKind == System.Text.Json.JsonValueKind.Array
                ? parsed.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id) : parsed;
            Assert.Equal(Script, campaign.GetProperty("name").GetString());
        }
        var full = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/campaigns/{id}");
        Assert.Equal(Img, full.GetProperty("theme").GetString());
        Assert.Equal(Img, full.GetProperty("groups")[0].GetProperty("name").GetString());
        Assert.Equal(Script, full.GetProperty("assignments")[0].GetProperty("formTitle").GetString());
    }
}

public sealed class SqliteCampaignInputTests(SqliteAppFixture app) : CampaignInputTests<SqliteAppFixture>(app);

public sealed class PostgresCampaignInputTests(PostgresAppFixture app) : CampaignInputTests<PostgresAppFixture>(app);
