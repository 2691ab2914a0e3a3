using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

/// <summary>A version used by an opened campaign never changes: editing makes the next version.</summary>
public abstract class FormVersioningTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<int?> AssignedVersionAsync(int assignmentId) =>
        app.WithDbAsync(db => db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.FormVersionId).SingleAsync());

    [Fact]
    public async Task Editing_a_frozen_version_makes_the_next_and_moves_only_draft_campaigns()
    {
        var (formId, v1) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("冻结表"));
        var draft = await app.AddCampaignAsync(app.UnitAId, "草稿活动", CampaignState.Draft, v1);
        var open = await app.AddCampaignAsync(app.UnitAId, "进行中活动", CampaignState.Open, v1);
        var closed = await app.AddCampaignAsync(app.UnitAId, "已结束活动", CampaignState.Closed, v1);
        await app.FreezeAsync(v1);
        var original = await app.VersionAsync(formId, 1);
        using var client = await app.SignInAsync(AppFixture.AdminA);

        var details = await client.GetHtmlAsync($"/Forms/Details/{formId}");
        Assert.Contains("现在修改将生成第 2 版", details);

        var response = await client.PostFormAsync($"/Forms/Details/{formId}?handler=Header", [new("title", "冻结表（修订）"), new("description", "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var v2 = await app.VersionAsync(formId, 2);
        Assert.NotNull(v2);
        Assert.Equal("冻结表（修订）", v2.Title);
        Assert.Null(v2.FrozenUtc);
        Assert.Equal(original!.Items.Select(i => (i.Key, i.Text, i.Kind)), v2.Items.Select(i => (i.Key, i.Text, i.Kind)));
        Assert.Equal(original.Items.Count(), await app.WithDbAsync(db => db.FormItems.CountAsync(i => original.Sections.Select(s => s.Id).Contains(i.SectionId))));
        var after = await app.VersionAsync(formId, 1);
        Assert.Equal(("冻结表", original.Description, original.FrozenUtc), (after!.Title, after.Description, after.FrozenUtc));

        Assert.Equal(v2.Id, await AssignedVersionAsync(draft));
        Assert.Equal(v1, await AssignedVersionAsync(open));
        Assert.Equal(v1, await AssignedVersionAsync(closed));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.FormNewVersion && e.ObjectId == formId.ToString())));

        // Version 2 is not frozen: the next edit changes it in place.
        var key = v2.Items.First().Key;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Forms/Details/{formId}?handler=DeleteItem", [new("key", key)])).StatusCode);
        Assert.Null(await app.VersionAsync(formId, 3));
        Assert.DoesNotContain(key, (await app.VersionAsync(formId, 2))!.Items.Select(i => i.Key));
        Assert.Contains(key, (await app.VersionAsync(formId, 1))!.Items.Select(i => i.Key));
        Assert.Contains("第 2 版", await client.GetHtmlAsync($"/Forms/Details/{formId}"));
    }

    [Fact]
    public async Task An_item_edit_on_a_frozen_version_lands_in_the_next_version_only()
    {
        var (formId, v1) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("冻结项目表"));
        await app.FreezeAsync(v1);
        var key = (await app.VersionAsync(formId, 1))!.Items.Last().Key;
        using var client = await app.SignInAsync(AppFixture.AdminA);

        var edit = await client.GetHtmlAsync($"/Forms/Item/{formId}?key={key}");
        Assert.Contains("保存时将生成新版本", edit);
        var response = await client.PostFormAsync($"/Forms/Item/{formId}?key={key}",
            FormArrange.ItemFields(ItemKind.Text, "修订后的意见建议", maxLength: 800));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal("冻结项目表意见建议", (await app.VersionAsync(formId, 1))!.Items.Single(i => i.Key == key).Text);
        var changed = (await app.VersionAsync(formId, 2))!.Items.Single(i => i.Key == key);
        Assert.Equal(("修订后的意见建议", 800), (changed.Text, changed.MaxLength));
    }

    [Fact]
    public async Task A_refused_edit_of_a_frozen_version_makes_no_version()
    {
        var (formId, v1) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("冻结拒绝表"));
        var draft = await app.AddCampaignAsync(app.UnitAId, "草稿活动二", CampaignState.Draft, v1);
        await app.FreezeAsync(v1);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();

        var response = await client.PostFormAsync($"/Forms/Details/{formId}?handler=Header", [new("title", new string('长', 101))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("测评表名称不能超过100个字符", await response.Content.ReadAsStringAsync());
        Assert.Null(await app.VersionAsync(formId, 2));
        Assert.Equal(v1, await AssignedVersionAsync(draft));
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }
}

public sealed class SqliteFormVersioningTests(SqliteAppFixture app) : FormVersioningTests<SqliteAppFixture>(app);

public sealed class PostgresFormVersioningTests(PostgresAppFixture app) : FormVersioningTests<PostgresAppFixture>(app);
