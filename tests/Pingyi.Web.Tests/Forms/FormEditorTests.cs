using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

public abstract class FormEditorTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<int> CreateBlankAsync(TestClient client, string title) =>
        FormArrange.DetailsId(await client.PostFormAsync("/Forms?handler=Blank",
            [new("title", title), new("organizationId", app.UnitAId.ToString())]));

    private static async Task<HttpResponseMessage> PostAsync(TestClient client, int formId, string handler, params (string, string)[] fields) =>
        await client.PostFormAsync($"/Forms/Details/{formId}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    private static void Redirected(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");

    [Fact]
    public async Task A_blank_form_gets_an_item_of_every_kind()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var id = await CreateBlankAsync(client, "空白测评表甲");
        var created = await app.CurrentAsync(id);
        Assert.Equal(1, created.Number);
        Assert.Equal("空白测评表甲", created.Title);
        Assert.Single(created.Sections);
        Assert.Equal(app.UnitAId, await app.WithDbAsync(db => db.Forms.Where(f => f.Id == id).Select(f => f.OrganizationId).SingleAsync()));

        var posts = new[]
        {
            FormArrange.ItemFields(ItemKind.Grade, "服务态度", help: "窗口人员的态度", scale: 5),
            FormArrange.ItemFields(ItemKind.Score, "业务水平", maxScore: 20, weight: 3),
            FormArrange.ItemFields(ItemKind.SingleChoice, "您的身份", options: "患者\r\n家属\r\n\r\n其他 "),
            FormArrange.ItemFields(ItemKind.MultipleChoice, "关注方面", maxChoices: 2, options: "价格\n环境\n服务"),
            FormArrange.ItemFields(ItemKind.Text, "意见建议", required: false, maxLength: 200),
        };
        foreach (var fields in posts)
        {
            Redirected(await client.PostFormAsync($"/Forms/Item/{id}?section=1", fields));
        }

        var items = (await app.CurrentAsync(id)).Items.ToList();
        Assert.Equal(["服务态度", "业务水平", "您的身份", "关注方面", "意见建议"], items.Select(i => i.Text));
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.Position));
        Assert.Equal(5, items.Select(i => i.Key).Distinct().Count());
        Assert.Equal((ItemKind.Grade, GradeScale.Satisfaction5, "窗口人员的态度"), (items[0].Kind, items[0].Scale, items[0].Help));
        Assert.Equal((ItemKind.Score, 20, 3), (items[1].Kind, items[1].MaxScore, items[1].Weight));
        Assert.Equal(["患者", "家属", "其他"], items[2].Options);
        Assert.Equal(0, items[2].MaxChoices);
        Assert.Equal((ItemKind.MultipleChoice, 2), (items[3].Kind, items[3].MaxChoices));
        Assert.Equal(["价格", "环境", "服务"], items[3].Options);
        Assert.Equal((ItemKind.Text, 200, false), (items[4].Kind, items[4].MaxLength, items[4].Required));
        // Settings of other kinds are not kept.
        Assert.Equal((GradeScale.None, 0, 0), (items[1].Scale, items[1].Options.Count, items[1].MaxLength));

        var html = await client.GetHtmlAsync($"/Forms/Details/{id}");
        foreach (var text in new[] { "服务态度", "五级好差评", "满分 20，权重 3", "患者 / 家属 / 其他", "最多选 2 项", "最多 200 字" })
        {
            Assert.Contains(text, html);
        }
        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "Form" && e.ObjectId == id.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.FormCreate, .. Enumerable.Repeat(AuditActions.FormUpdate, 5)], audits);
    }

    [Fact]
    public async Task Header_and_sections_are_edited_moved_and_deleted()
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("分组表"));
        using var client = await app.SignInAsync(AppFixture.AdminA);

        Redirected(await PostAsync(client, id, "Header", ("title", " 新名称 "), ("description", "第一行\n第二行")));
        Redirected(await PostAsync(client, id, "AddSection", ("sectionTitle", "三、补充")));
        Redirected(await PostAsync(client, id, "RenameSection", ("position", "1"), ("sectionTitle", "一、窗口服务")));
        Redirected(await PostAsync(client, id, "MoveSection", ("position", "3"), ("up", "true")));
        var v = await app.CurrentAsync(id);
        Assert.Equal(("新名称", "第一行\n第二行"), (v.Title, v.Description));
        Assert.Equal(["一、窗口服务", "三、补充", "二、其他"], v.Sections.OrderBy(s => s.Position).Select(s => s.Title));
        Assert.Equal([1, 2, 3], v.Sections.OrderBy(s => s.Position).Select(s => s.Position));

        Redirected(await PostAsync(client, id, "DeleteSection", ("position", "3")));
        v = await app.CurrentAsync(id);
        Assert.Equal(["一、窗口服务", "三、补充"], v.Sections.OrderBy(s => s.Position).Select(s => s.Title));
        Assert.Equal(3, v.Items.Count());
        Assert.DoesNotContain(await app.WithDbAsync(db => db.FormItems.Select(i => i.Text).ToListAsync()), t => t == "分组表综合评分");

        var edge = await PostAsync(client, id, "MoveSection", ("position", "1"), ("up", "true"));
        Assert.Equal(HttpStatusCode.OK, edge.StatusCode);
        Assert.Contains("该分组已经在最前面", await edge.Content.ReadAsStringAsync());
        Assert.Equal(1, (await app.CurrentAsync(id)).Number);
    }

    [Fact]
    public async Task Items_are_updated_moved_across_sections_and_deleted()
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("项目表"));
        var before = await app.CurrentAsync(id);
        var keys = before.Items.Select(i => i.Key).ToList();
        using var client = await app.SignInAsync(AppFixture.AdminA);

        var update = FormArrange.ItemFields(ItemKind.SingleChoice, "改成单选", help: "说明", options: "是\n否");
        Redirected(await client.PostFormAsync($"/Forms/Item/{id}?key={keys[0]}", update));
        var edit = await client.GetHtmlAsync($"/Forms/Item/{id}?key={keys[0]}");
        Assert.Contains("改成单选", edit);
        Assert.Contains("是\n否", WebUtility.HtmlDecode(edit));

        Redirected(await PostAsync(client, id, "MoveItem", ("key", keys[2]), ("up", "true")));
        // The first item of section 2 moved up lands last in section 1.
        Redirected(await PostAsync(client, id, "MoveItem", ("key", keys[3]), ("up", "true")));
        Redirected(await PostAsync(client, id, "DeleteItem", ("key", keys[1])));

        var v = await app.CurrentAsync(id);
        var sections = v.Sections.OrderBy(s => s.Position).ToList();
        Assert.Equal([keys[0], keys[2], keys[3]], sections[0].Items.OrderBy(i => i.Position).Select(i => i.Key));
        Assert.Equal([keys[4], keys[5], keys[6]], sections[1].Items.OrderBy(i => i.Position).Select(i => i.Key));
        Assert.Equal([1, 2, 3], sections[0].Items.OrderBy(i => i.Position).Select(i => i.Position));
        var changed = v.Items.Single(i => i.Key == keys[0]);
        Assert.Equal((ItemKind.SingleChoice, "改成单选", "说明", GradeScale.None), (changed.Kind, changed.Text, changed.Help, changed.Scale));
        Assert.Equal(["是", "否"], changed.Options);

        var last = await PostAsync(client, id, "MoveItem", ("key", keys[6]), ("up", "false"));
        Assert.Contains("该项目已经在最后面", await last.Content.ReadAsStringAsync());
        var unknown = await PostAsync(client, id, "DeleteItem", ("key", "nosuchky"));
        Assert.Contains("找不到该评议项目", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(6, (await app.CurrentAsync(id)).Items.Count());
    }

    [Fact]
    public async Task An_archived_form_is_hidden_and_cannot_be_edited_until_restored()
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("停用表"));
        using var client = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains("停用表", await client.GetHtmlAsync("/Forms"));

        Redirected(await PostAsync(client, id, "Archive", ("archived", "true")));
        Assert.DoesNotContain("停用表", await client.GetHtmlAsync("/Forms"));
        Assert.Contains("停用表", await client.GetHtmlAsync("/Forms?all=true"));
        var refused = await PostAsync(client, id, "Header", ("title", "改不了"));
        Assert.Contains("该测评表已停用，不能修改", await refused.Content.ReadAsStringAsync());
        Assert.Equal("停用表", (await app.CurrentAsync(id)).Title);

        Redirected(await PostAsync(client, id, "Archive", ("archived", "false")));
        Assert.Contains("停用表", await client.GetHtmlAsync("/Forms"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.FormArchive && e.ObjectId == id.ToString())));
    }

    [Fact]
    public async Task The_index_lists_owner_version_and_state()
    {
        var (id, versionId) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("列表表"));
        await app.FreezeAsync(versionId);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var html = await client.GetHtmlAsync("/Forms");
        var row = html[html.IndexOf($"/Forms/Details/{id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("列表表", row);
        Assert.Contains("甲医院", row);
        Assert.Contains("第 1 版", row);
        Assert.Contains("已冻结", row);
        Assert.Contains($"/Forms/Preview/{versionId}", row);
    }
}

public sealed class SqliteFormEditorTests(SqliteAppFixture app) : FormEditorTests<SqliteAppFixture>(app);

public sealed class PostgresFormEditorTests(PostgresAppFixture app) : FormEditorTests<PostgresAppFixture>(app);
