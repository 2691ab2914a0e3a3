using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

/// <summary>Hostile text is shown inert; bad files and fields get a Chinese reason and store nothing.</summary>
public abstract class FormInputTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    private static void Inert(string html)
    {
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Html_in_title_items_help_and_options_is_shown_inert_and_returned_unchanged()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var title = $"{Script}{Image}";
        var id = FormArrange.DetailsId(await client.PostFormAsync("/Forms?handler=Blank",
            [new("title", title), new("organizationId", app.UnitAId.ToString())]));
        var response = await client.PostFormAsync($"/Forms/Item/{id}?section=1",
            FormArrange.ItemFields(ItemKind.SingleChoice, $"项目{Script}", help: $"说明{Image}", options: $"{Script}\n{Image}"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Forms/Details/{id}?handler=RenameSection",
            [new("position", "1"), new("sectionTitle", $"分组{Script}")])).StatusCode);
        var version = await app.CurrentAsync(id);
        var key = version.Items.Single().Key;

        Inert(await client.GetHtmlAsync($"/Forms/Details/{id}"));
        Inert(await client.GetHtmlAsync($"/Forms/Preview/{version.Id}"));
        Inert(await client.GetHtmlAsync($"/Forms/Item/{id}?key={key}"));
        Inert(await client.GetHtmlAsync("/Forms"));

        var dto = await client.Http.GetFromJsonAsync<JsonElement>($"/api/forms/{id}");
        var current = dto.GetProperty("current");
        Assert.Equal(title, current.GetProperty("title").GetString());
        var section = current.GetProperty("sections")[0];
        Assert.Equal($"分组{Script}", section.GetProperty("title").GetString());
        var item = section.GetProperty("items")[0];
        Assert.Equal($"项目{Script}", item.GetProperty("text").GetString());
        Assert.Equal($"说明{Image}", item.GetProperty("help").GetString());
        Assert.Equal([Script, Image], item.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        var listed = await client.Http.GetFromJsonAsync<List<JsonElement>>("/api/forms");
        Assert.Contains(listed!, f => f.GetProperty("title").GetString() == title);
        var exported = FormJson.Import(await client.Http.GetStringAsync($"/api/forms/{id}/export"));
        Assert.Equal(title, exported.Version!.Title);
    }

    /// <summary>A valid file of the sample form with one change made to its JSON.</summary>
    private static byte[] Changed(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(FormJson.Export(FormArrange.Sample("坏文件")))!.AsObject();
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static JsonObject FirstItem(JsonObject form) => form["sections"]![0]!["items"]![0]!.AsObject();

    public static TheoryData<string, string> BadFiles => new()
    {
        { "malformed", "不是有效的 JSON" },
        { "not-json", "不是有效的 JSON" },
        { "empty", "文件是空的" },
        { "too-large", "文件太大" },
        { "long-title", "测评表名称不能超过100个字符" },
        { "long-item", "项目内容不能超过300个字符" },
        { "too-many-options", "选择题最多20个选项" },
        { "no-items", "至少需要一个评议项目" },
        { "unknown-kind", "无法识别" },
    };

    private static byte[] BadFile(string name) => name switch
    {
        "malformed" => Encoding.UTF8.GetBytes("{\"format\": \"pingyi-form\", \"title\": "),
        "not-json" => Encoding.UTF8.GetBytes("这不是一个测评表文件"),
        "empty" => [],
        "too-large" => Changed(f => f["description"] = new string(' ', 300 * 1024)),
        "long-title" => Changed(f => f["title"] = new string('长', 101)),
        "long-item" => Changed(f => FirstItem(f)["text"] = new string('长', 301)),
        "too-many-options" => Changed(f => f["sections"]![1]!["items"]![2]!["options"] = new JsonArray(Enumerable.Range(1, 21).Select(i => (JsonNode)$"选项{i}").ToArray())),
        "no-items" => Changed(f => f["sections"] = new JsonArray()),
        "unknown-kind" => Changed(f => FirstItem(f)["kind"] = "<script>"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_uploaded_gets_the_reason_and_stores_nothing(string file, string reason)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var response = await client.PostFileAsync("/Forms?handler=Import", [new("organizationId", app.UnitAId.ToString())], "bad.json", BadFile(file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("没有导入任何内容", html);
        Assert.Contains(reason, html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_posted_to_the_api_is_a_validation_problem_and_stores_nothing(string file, string reason)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var response = await client.Http.PostAsync($"/api/forms/import?organizationId={app.UnitAId}", new ByteArrayContent(BadFile(file)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains(reason));
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    public static TheoryData<string, string, string> BadItems => new()
    {
        { "Item.Text", "", "项目内容不能为空" },
        { "Item.Text", new string('长', 301), "项目内容不能超过300个字符" },
        { "Item.Help", new string('长', 501), "填写说明不能超过500个字符" },
        { "Item.Options", string.Join('\n', Enumerable.Range(1, 21).Select(i => $"选项{i}")), "选择题应有2到20个选项" },
        { "Item.Options", "只有一个", "选择题应有2到20个选项" },
        { "Item.Options", $"甲\n{new string('长', 101)}", "第2个选项不能超过100个字符" },
        { "Item.Options", "甲\n甲", "选项“甲”重复了" },
        { "Item.Kind", "42", "格式不正确" },
        { "Item.Kind", "<script>", "格式不正确" },
        { "Item.MaxChoices", "abc", "格式不正确" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task A_bad_item_gets_the_reason_and_stores_nothing(string field, string value, string reason)
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("坏项目表"));
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var fields = FormArrange.ItemFields(ItemKind.SingleChoice, "正常内容", options: "甲\n乙");
        fields[field] = value;
        var response = await client.PostFormAsync($"/Forms/Item/{id}?section=1", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Theory]
    [InlineData(1, "-1", "评分项目的满分应在1到100之间")]
    [InlineData(1, "101", "评分项目的满分应在1到100之间")]
    [InlineData(2, "101", "评分项目的权重应在1到100之间")]
    [InlineData(3, "2001", "文字项目的字数上限应在1到2000之间")]
    public async Task Numbers_out_of_range_are_refused(int which, string value, string reason)
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("坏数字表"));
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var fields = which == 3 ? FormArrange.ItemFields(ItemKind.Text, "文字") : FormArrange.ItemFields(ItemKind.Score, "评分");
        fields[which switch { 1 => "Item.MaxScore", 2 => "Item.Weight", _ => "Item.MaxLength" }] = value;
        var response = await client.PostFormAsync($"/Forms/Item/{id}?section=1", fields);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Theory]
    [InlineData("", "测评表名称不能为空")]
    [InlineData("   ", "测评表名称不能为空")]
    [InlineData("名称\u0007响铃", "测评表名称含有不可见的控制字符")]
    public async Task A_bad_title_for_a_blank_form_stores_nothing(string title, string reason)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var response = await client.PostFormAsync("/Forms?handler=Blank", [new("title", title), new("organizationId", app.UnitAId.ToString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Fact]
    public async Task Over_long_and_malformed_fields_elsewhere_are_refused()
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("坏字段表"));
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var cases = new (string Url, KeyValuePair<string, string>[] Fields, string Reason)[]
        {
            ("/Forms?handler=Blank", [new("title", new string('长', 101)), new("organizationId", app.UnitAId.ToString())], "测评表名称不能超过100个字符"),
            ("/Forms?handler=Blank", [new("title", "正常"), new("organizationId", "'; DROP TABLE Forms; --")], "格式不正确"),
            ("/Forms?handler=Template", [new("templateKey", "no-such-template"), new("organizationId", app.UnitAId.ToString())], "找不到所选的内置模板"),
            ($"/Forms/Details/{id}?handler=Header", [new("title", "正常"), new("description", new string('长', 1001))], "指导语不能超过1000个字符"),
            ($"/Forms/Details/{id}?handler=AddSection", [new("sectionTitle", new string('长', 101))], "分组标题不能超过100个字符"),
            ($"/Forms/Details/{id}?handler=RenameSection", [new("position", "9"), new("sectionTitle", "不存在")], "找不到该分组"),
            ($"/Forms/Details/{id}?handler=MoveSection", [new("position", "abc"), new("up", "true")], "格式不正确"),
        };
        foreach (var (url, fields, reason) in cases)
        {
            var response = await client.PostFormAsync(url, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Fact]
    public async Task The_limits_on_sections_and_items_hold()
    {
        var full = new FormVersion
        {
            Title = "满额表",
            Sections = Enumerable.Range(1, FormVersion.MaxSections).Select(s => new FormSection
            {
                Title = $"第{s}组",
                Items = s > 4 ? [] : Enumerable.Range(1, FormVersion.MaxItems / 4).Select(i => FormArrange.Item(ItemKind.Grade, $"项目{s}-{i}")).ToList(),
            }).ToList(),
        };
        var (id, _) = await app.AddFormAsync(app.UnitAId, full);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var section = await client.PostFormAsync($"/Forms/Details/{id}?handler=AddSection", [new("sectionTitle", "多一组")]);
        Assert.Contains($"测评表最多{FormVersion.MaxSections}个分组", await section.Content.ReadAsStringAsync());
        var item = await client.PostFormAsync($"/Forms/Item/{id}?section=5", FormArrange.ItemFields(ItemKind.Grade, "多一题"));
        Assert.Contains($"测评表最多{FormVersion.MaxItems}个评议项目", await item.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }
}

public sealed class SqliteFormInputTests(SqliteAppFixture app) : FormInputTests<SqliteAppFixture>(app);

public sealed class PostgresFormInputTests(PostgresAppFixture app) : FormInputTests<PostgresAppFixture>(app);
