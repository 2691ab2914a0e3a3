using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;

namespace Pingyi.Web.Tests.Campaigns;

/// <summary>
/// The acceptance scenario of Step 2, through the pages and through the API: a campaign with
/// three rater groups and more than one direction is built, opened (forms frozen), refused every
/// structural change, extended, closed, published and archived.
/// </summary>
public abstract class CampaignLifecycleTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    /// <summary>A district bureau of its own with two hospitals, so tests sharing the fixture do not see each other's subjects.</summary>
    private async Task<(Organization District, Organization H1, Organization H2)> DistrictAsync(string code)
    {
        var district = await app.AddOrganizationAsync(code, $"{code}区卫生局", app.BureauId, OrganizationKind.Bureau, UnitType.Bureau);
        var h1 = await app.AddOrganizationAsync(code + "-H1", $"{code}第一医院", district.Id, type: UnitType.Hospital);
        var h2 = await app.AddOrganizationAsync(code + "-H2", $"{code}第二医院", district.Id, type: UnitType.Hospital);
        return (district, h1, h2);
    }

    private static Task<HttpResponseMessage> PostAsync(TestClient client, string url, params KeyValuePair<string, string>[] fields) =>
        client.PostFormAsync(url, fields);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task A_campaign_is_built_opened_frozen_extended_closed_published_and_archived_through_the_pages()
    {
        var (district, h1, h2) = await DistrictAsync("LC1");
        var (patientForm, patientVersion) = await app.AddFormAsync(district.Id, "医院群众满意度测评表");
        var (superiorForm, superiorVersion) = await app.AddFormAsync(district.Id, "上级组织评议表");
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var id = await app.CreateOnPageAsync(client, district.Id, "2025年医院群众评议");
        var url = $"/Campaigns/Details/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Subjects/{id}?handler=Subtree",
            F("rootId", district.Id), F("unitType", "Hospital"), F("kind", ""))).StatusCode);
        foreach (var (kind, weight) in new[] { ("ServiceRecipient", 50), ("StaffRepresentative", 30), ("SuperiorOrganization", 20) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Groups/{id}?handler=Save",
                F("Form.Kind", kind), F("Form.Name", ""), F("Form.PlannedCount", 20), F("Form.Weight", weight))).StatusCode);
        }
        var plan = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().WithPlan().SingleAsync(c => c.Id == id));
        Assert.Equal([h1.Id, h2.Id], plan.Subjects.Select(s => s.OrganizationId!.Value).Order());
        var groups = plan.RaterGroups.OrderBy(g => g.Position).ToList();
        Assert.Equal(["服务对象/患者", "职工代表", "上级组织"], groups.Select(g => g.Name));
        Assert.Equal(100, groups.Sum(g => g.Weight));

        var assignments = new[]
        {
            (groups[0].Id, "ServiceRecipients", patientForm),
            (groups[1].Id, "BottomUp", patientForm),
            (groups[2].Id, "TopDown", superiorForm),
        };
        foreach (var (groupId, direction, formId) in assignments)
        {
            var saved = await PostAsync(client, $"/Campaigns/Assignments/{id}?handler=Save",
                F("Form.RaterGroupId", groupId), F("Form.Direction", direction), F("Form.FormId", formId), F("Form.AllOfUnitType", "Hospital"));
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        }
        var details = await client.GetHtmlAsync(url);
        Assert.Contains("评议方案完整，没有发现问题。", details);
        Assert.Contains("开始评议", details);
        Assert.Contains("上评下", details);
        Assert.Contains("服务对象评议", details);

        var opened = await PostAsync(client, $"{url}?handler=State", F("to", "Open"));
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        var campaign = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CampaignState.Open, campaign.State);
        Assert.NotNull(campaign.OpenedUtc);
        Assert.All(await app.WithDbAsync(db => db.FormVersions.AsNoTracking()
            .Where(v => v.Id == patientVersion || v.Id == superiorVersion).ToListAsync()), v => Assert.NotNull(v.FrozenUtc));
        var openPage = await client.GetHtmlAsync(url);
        Assert.Contains("正在接收", openPage);
        Assert.Contains("结束后立即停止接收评议", openPage);
        Assert.Contains("延长评议期", openPage);

        var before = await app.SnapshotAsync(id);
        var subjectId = plan.Subjects[0].Id;
        var firstAssignment = await app.WithDbAsync(db => db.Assignments.Where(a => a.CampaignId == id).Select(a => a.Id).MinAsync());
        var third = await app.AddOrganizationAsync("LC1-H3", "LC1第三医院", district.Id, type: UnitType.Hospital);
        var attempts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ($"/Campaigns/Subjects/{id}?handler=Pick", [F("organizationIds", third.Id)]),
            ($"/Campaigns/Subjects/{id}?handler=Subtree", [F("rootId", district.Id), F("unitType", "Hospital")]),
            ($"/Campaigns/Subjects/{id}?handler=Remove", [F("subjectId", subjectId)]),
            ($"/Campaigns/Groups/{id}?handler=Save", [F("Form.Kind", "PartyMember"), F("Form.PlannedCount", 5), F("Form.Weight", 0)]),
            ($"/Campaigns/Groups/{id}?handler=Save", [F("Form.GroupId", groups[0].Id), F("Form.Kind", "ServiceRecipient"), F("Form.PlannedCount", 99), F("Form.Weight", 60)]),
            ($"/Campaigns/Groups/{id}?handler=Remove", [F("groupId", groups[2].Id)]),
            ($"/Campaigns/Assignments/{id}?handler=Save", [F("Form.RaterGroupId", groups[2].Id), F("Form.Direction", "Peer"), F("Form.FormId", patientForm), F("Form.SubjectIds", subjectId)]),
            ($"/Campaigns/Assignments/{id}?handler=Remove", [F("assignmentId", firstAssignment)]),
            ($"/Campaigns/Edit/{id}", [.. DetailsFields(district.Id, "改名", app.Today(), app.Today().AddDays(20), k: 7)]),
            ($"/Campaigns/Edit/{id}", [.. DetailsFields(district.Id, "2025年医院群众评议", app.Today(), app.Today().AddDays(20), k: 3)]),
        };
        foreach (var (target, fields) in attempts)
        {
            await AssertRefusedAsync(await PostAsync(client, target, fields), CampaignCommands.StructureFrozen);
            Assert.Equal(before, await app.SnapshotAsync(id));
        }
        foreach (var page in new[] { "Subjects", "Groups", "Assignments", "Edit" })
        {
            var html = await client.GetHtmlAsync($"/Campaigns/{page}/{id}");
            Assert.Contains(CampaignCommands.StructureFrozen, html);
            Assert.DoesNotContain("handler=Save", html);
            Assert.DoesNotContain("handler=Remove", html);
        }

        var newEnd = campaign.EndsOn.AddDays(10);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{url}?handler=Extend", F("EndsOn", Iso(newEnd)))).StatusCode);
        Assert.Equal(newEnd, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.EndsOn).SingleAsync()));
        await AssertRefusedAsync(await PostAsync(client, $"{url}?handler=Extend", F("EndsOn", Iso(newEnd.AddDays(-3)))), "只能延长评议期");
        Assert.Equal(newEnd, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.EndsOn).SingleAsync()));

        await AssertRefusedAsync(await PostAsync(client, $"{url}?handler=State", F("to", "Published")), "不能改为“已公示”");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{url}?handler=State", F("to", "Closed"))).StatusCode);
        campaign = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CampaignState.Closed, campaign.State);
        Assert.NotNull(campaign.ClosedUtc);
        Assert.False(CampaignRules.AcceptsBallots(campaign, app.Today()));
        Assert.Contains("未在接收", await client.GetHtmlAsync(url));
        await AssertRefusedAsync(await PostAsync(client, $"{url}?handler=State", F("to", "Open")), "不能改为“进行中”");
        await AssertRefusedAsync(await PostAsync(client, $"{url}?handler=Extend", F("EndsOn", Iso(newEnd.AddDays(5)))), "不能再延长评议期");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{url}?handler=State", F("to", "Published"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"{url}?handler=State", F("to", "Archived"))).StatusCode);
        campaign = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CampaignState.Archived, campaign.State);
        Assert.NotNull(campaign.PublishedUtc);
        Assert.NotNull(campaign.ArchivedUtc);
        Assert.DoesNotContain("handler=State", await client.GetHtmlAsync(url));

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == "Campaign" && e.ObjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(AuditActions.CampaignCreate, audit[0].Action);
        Assert.Equal(7, audit.Count(e => e.Action == AuditActions.CampaignUpdate));
        Assert.Equal(["草稿 → 进行中", "进行中 → 已结束", "已结束 → 已公示", "已公示 → 已归档"],
            audit.Where(e => e.Action == AuditActions.CampaignTransition).Select(e => e.Detail!.Split('：')[1].Split('，')[0]));
        Assert.Contains(audit, e => e.Action == AuditActions.CampaignExtend && e.Detail!.Contains(Iso(newEnd)));
    }

    [Fact]
    public async Task A_campaign_is_created_read_opened_extended_closed_published_and_archived_through_the_api()
    {
        var (district, h1, h2) = await DistrictAsync("LC2");
        var (patientForm, patientVersion) = await app.AddFormAsync(district.Id, "医院群众满意度测评表");
        var (superiorForm, superiorVersion) = await app.AddFormAsync(district.Id, "上级组织评议表");
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        int[] hospitals = [h1.Id, h2.Id];
        var id = await client.CreateViaApiAsync(new
        {
            organizationId = district.Id,
            name = "接口建立的评议活动",
            year = app.Today().Year,
            theme = "服务群众健康",
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today().AddDays(30)),
            subjects = new { organizationIds = hospitals },
            groups = new[]
            {
                new { kind = "ServiceRecipient", name = (string?)null, plannedCount = 100, weight = 50 },
                new { kind = "StaffRepresentative", name = (string?)null, plannedCount = 30, weight = 30 },
                new { kind = "SuperiorOrganization", name = (string?)"局领导班子", plannedCount = 7, weight = 20 },
            },
            assignments = new[]
            {
                new { groupIndex = 0, direction = "ServiceRecipients", formId = patientForm, organizationIds = hospitals },
                new { groupIndex = 1, direction = "BottomUp", formId = patientForm, organizationIds = hospitals },
                new { groupIndex = 2, direction = "TopDown", formId = superiorForm, organizationIds = hospitals },
            },
        });

        var read = await client.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("Draft", read.GetProperty("state").GetString());
        Assert.Equal(5, read.GetProperty("minGroupSize").GetInt32());
        Assert.Equal(["ServiceRecipient", "StaffRepresentative", "SuperiorOrganization"],
            read.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("kind").GetString()));
        Assert.Equal("局领导班子", read.GetProperty("groups")[2].GetProperty("name").GetString());
        Assert.Equal(100, read.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("weight").GetInt32()));
        Assert.Equal(["ServiceRecipients", "BottomUp", "TopDown"],
            read.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("direction").GetString()));
        Assert.Equal(superiorVersion, read.GetProperty("assignments")[2].GetProperty("formVersionId").GetInt32());
        Assert.Equal(2, read.GetProperty("assignments")[0].GetProperty("subjectIds").GetArrayLength());
        Assert.Empty(read.GetProperty("issues").EnumerateArray());
        Assert.Equal(["Open"], read.GetProperty("nextStates").EnumerateArray().Select(s => s.GetString()));

        var list = await client.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns?year={app.Today().Year}&state=draft");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id && c.GetProperty("subjectCount").GetInt32() == 2);
        var openList = await client.Http.GetFromJsonAsync<JsonElement>("/api/campaigns?state=Open");
        Assert.DoesNotContain(openList.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);

        var skip = await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/state", new { state = "Closed" });
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("不能改为“已结束”", await ProblemAsync(skip));

        var opened = await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/state", new { state = "Open" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var open = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Open", open.GetProperty("state").GetString());
        Assert.Equal("进行中", open.GetProperty("stateName").GetString());
        Assert.True(open.GetProperty("acceptsBallots").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, open.GetProperty("openedUtc").ValueKind);
        Assert.All(await app.WithDbAsync(db => db.FormVersions.AsNoTracking()
            .Where(v => v.Id == patientVersion || v.Id == superiorVersion).ToListAsync()), v => Assert.NotNull(v.FrozenUtc));

        var before = await app.SnapshotAsync(id);
        var change = await client.PostFormAsync($"/Campaigns/Groups/{id}?handler=Remove", [F("groupId", read.GetProperty("groups")[0].GetProperty("id").GetInt32())]);
        await AssertRefusedAsync(change, CampaignCommands.StructureFrozen);
        Assert.Equal(before, await app.SnapshotAsync(id));

        var endsOn = app.Today().AddDays(45);
        var extended = await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/extend", new { endsOn = Iso(endsOn) });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal(Iso(endsOn), (await extended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endsOn").GetString());
        var shortened = await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/extend", new { endsOn = Iso(app.Today().AddDays(31)) });
        Assert.Equal(HttpStatusCode.BadRequest, shortened.StatusCode);
        Assert.Contains("只能延长评议期", await ProblemAsync(shortened));
        Assert.Equal(endsOn, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.EndsOn).SingleAsync()));

        foreach (var (state, name) in new[] { ("Closed", "已结束"), ("Published", "已公示"), ("Archived", "已归档") })
        {
            var moved = await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/state", new { state });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(state, body.GetProperty("state").GetString());
            Assert.Equal(name, body.GetProperty("stateName").GetString());
            Assert.False(body.GetProperty("acceptsBallots").GetBoolean());
        }
        var done = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(done.ClosedUtc);
        Assert.NotNull(done.PublishedUtc);
        Assert.NotNull(done.ArchivedUtc);
        var again = await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/state", new { state = "Open" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(CampaignState.Archived, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
        Assert.Equal(4, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == AuditActions.CampaignTransition && e.ObjectId == id.ToString())));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_campaigns_api()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var doc = await client.GetHtmlAsync("/api/openapi/v1.json");
        foreach (var path in new[] { "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/state", "/api/campaigns/{id}/extend" })
        {
            Assert.Contains($"\"{path}\"", doc);
        }
        Assert.Contains("评议活动", doc);
        Assert.Contains("ServiceRecipients", doc);
    }

    [Fact]
    public async Task Opening_an_incomplete_plan_or_an_expired_period_is_refused()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var id = await app.CreateOnPageAsync(client, app.UnitAId, "空方案");
        var refused = await PostAsync(client, $"/Campaigns/Details/{id}?handler=State", F("to", "Open"));
        await AssertRefusedAsync(refused, "评议方案还不完整，不能开始");
        Assert.Contains("还没有评议对象。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(CampaignState.Draft, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));

        var (form, _) = await app.AddFormAsync(app.UnitAId, "过期测试表");
        var expired = await client.CreateViaApiAsync(app.SimplePlan(app.UnitAId, "过期活动", form, [app.BranchAId]));
        await app.WithDbAsync(async db =>
        {
            var c = await db.Campaigns.SingleAsync(x => x.Id == expired);
            c.StartsOn = app.Today().AddDays(-20);
            c.EndsOn = app.Today().AddDays(-1);
            await db.SaveChangesAsync();
        });
        await AssertRefusedAsync(await PostAsync(client, $"/Campaigns/Details/{expired}?handler=State", F("to", "Open")), "评议期已经结束");
        Assert.Equal(CampaignState.Draft, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == expired).Select(c => c.State).SingleAsync()));
        Assert.Null(await app.WithDbAsync(db => db.FormVersions.Where(v => v.FormId == form).Select(v => v.FrozenUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_draft_can_be_deleted_but_an_open_campaign_cannot()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var (form, _) = await app.AddFormAsync(app.UnitAId, "删除测试表");
        var draft = await client.CreateViaApiAsync(app.SimplePlan(app.UnitAId, "待删除的草稿", form, [app.BranchAId]));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Details/{draft}?handler=Delete")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Id == draft)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CampaignDelete && e.ObjectId == draft.ToString())));

        var open = await client.CreateViaApiAsync(app.SimplePlan(app.UnitAId, "不能删除", form, [app.BranchAId]));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsJsonAsync($"/api/campaigns/{open}/state", new { state = "Open" })).StatusCode);
        await AssertRefusedAsync(await PostAsync(client, $"/Campaigns/Details/{open}?handler=Delete"), "只能删除草稿");
        Assert.True(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Id == open)));
    }

    [Fact]
    public async Task A_draft_plan_is_edited_subject_by_subject_group_by_group_and_assignment_by_assignment()
    {
        var (district, h1, h2) = await DistrictAsync("LC3");
        var office = await app.AddOrganizationAsync("LC3-KS", "LC3办公室", district.Id, OrganizationKind.Department, UnitType.BureauOffice);
        var member = await app.AddMemberAsync(office.Id, "王党员");
        var (form, _) = await app.AddFormAsync(district.Id, "党员评议表");
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var id = await app.CreateOnPageAsync(client, district.Id, "编辑测试");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Subjects/{id}?handler=Pick",
            F("organizationIds", h1.Id), F("organizationIds", office.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Subjects/{id}?handler=Members",
            F("rootId", district.Id), F("role", "PartyMember"))).StatusCode);
        var duplicate = await PostAsync(client, $"/Campaigns/Subjects/{id}?handler=Pick", F("organizationIds", h1.Id));
        await AssertRefusedAsync(duplicate, "已经都是本活动的评议对象");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Subjects/{id}?handler=Subtree",
            F("rootId", district.Id), F("unitType", "Hospital"))).StatusCode);
        var subjects = await app.WithDbAsync(db => db.CampaignSubjects.AsNoTracking().Where(s => s.CampaignId == id).ToListAsync());
        Assert.Equal(4, subjects.Count);
        Assert.Contains(subjects, s => s.MemberId == member.Id);
        Assert.Contains(subjects, s => s.OrganizationId == h2.Id);
        var detail = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.CampaignUpdate && e.ObjectId == id.ToString())
            .OrderByDescending(e => e.Id).Select(e => e.Detail).FirstAsync());
        Assert.Contains("已在活动中而跳过1个", detail);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Groups/{id}?handler=Save",
            F("Form.Kind", "Custom"), F("Form.Name", "社区居民"), F("Form.PlannedCount", 3), F("Form.Weight", 100))).StatusCode);
        var group = await app.WithDbAsync(db => db.RaterGroups.AsNoTracking().SingleAsync(g => g.CampaignId == id));
        Assert.Equal("社区居民", group.Name);
        Assert.Contains("社区居民", await client.GetHtmlAsync($"/Campaigns/Groups/{id}?edit={group.Id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Groups/{id}?handler=Save",
            F("Form.GroupId", group.Id), F("Form.Kind", "Custom"), F("Form.Name", "社区居民代表"), F("Form.PlannedCount", 30), F("Form.Weight", 100))).StatusCode);
        group = await app.WithDbAsync(db => db.RaterGroups.AsNoTracking().SingleAsync(g => g.CampaignId == id));
        Assert.Equal(("社区居民代表", 30), (group.Name, group.PlannedCount));

        var memberSubject = subjects.Single(s => s.MemberId == member.Id).Id;
        var wrongDirection = await PostAsync(client, $"/Campaigns/Assignments/{id}?handler=Save",
            F("Form.RaterGroupId", group.Id), F("Form.Direction", "MembersRateOrganization"), F("Form.FormId", form), F("Form.SubjectIds", memberSubject));
        await AssertRefusedAsync(wrongDirection, "“党员评议党组织”的评议对象应是组织。");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Assignments/{id}?handler=Save",
            F("Form.RaterGroupId", group.Id), F("Form.Direction", "ServiceRecipients"), F("Form.FormId", form), F("Form.AllOfUnitType", "Hospital"))).StatusCode);
        var assignment = await app.WithDbAsync(db => db.Assignments.AsNoTracking().Include(a => a.Subjects).SingleAsync(a => a.CampaignId == id));
        Assert.Equal([h1.Id, h2.Id], assignment.Subjects.Select(s => s.OrganizationId!.Value).Order());
        var twice = await PostAsync(client, $"/Campaigns/Assignments/{id}?handler=Save",
            F("Form.RaterGroupId", group.Id), F("Form.Direction", "TopDown"), F("Form.FormId", form), F("Form.SubjectIds", subjects.Single(s => s.OrganizationId == h1.Id).Id));
        await AssertRefusedAsync(twice, "安排了不止一次评议");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Assignments/{id}?handler=Save",
            F("Form.AssignmentId", assignment.Id), F("Form.RaterGroupId", group.Id), F("Form.Direction", "ServiceRecipients"), F("Form.FormId", form),
            F("Form.AllOfUnitType", "Hospital"), F("Form.AllMembers", "true"), F("Form.SubjectIds", subjects.Single(s => s.OrganizationId == office.Id).Id))).StatusCode);
        assignment = await app.WithDbAsync(db => db.Assignments.AsNoTracking().Include(a => a.Subjects).SingleAsync(a => a.CampaignId == id));
        Assert.Equal(4, assignment.Subjects.Count);
        var edit = await client.GetHtmlAsync($"/Campaigns/Assignments/{id}?edit={assignment.Id}");
        Assert.Contains("修改评议安排", edit);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Subjects/{id}?handler=Remove", F("subjectId", memberSubject))).StatusCode);
        assignment = await app.WithDbAsync(db => db.Assignments.AsNoTracking().Include(a => a.Subjects).SingleAsync(a => a.CampaignId == id));
        Assert.Equal(3, assignment.Subjects.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Assignments/{id}?handler=Remove", F("assignmentId", assignment.Id))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.CampaignId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/Campaigns/Groups/{id}?handler=Remove", F("groupId", group.Id))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.RaterGroups.AnyAsync(g => g.CampaignId == id)));

        var details = await client.GetHtmlAsync($"/Campaigns/Details/{id}");
        Assert.Contains("还没有评议人类别。", details);
        Assert.Contains("class=\"blocking\"", details);
    }
}

public sealed class SqliteCampaignLifecycleTests(SqliteAppFixture app) : CampaignLifecycleTests<SqliteAppFixture>(app);

public sealed class PostgresCampaignLifecycleTests(PostgresAppFixture app) : CampaignLifecycleTests<PostgresAppFixture>(app);
