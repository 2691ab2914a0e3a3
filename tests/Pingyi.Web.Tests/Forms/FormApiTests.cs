using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

public abstract class FormApiTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task A_form_is_created_from_a_template_and_read_back()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var templates = await client.Http.GetFromJsonAsync<List<JsonElement>>("/api/forms/templates");
        Assert.Equal(BuiltInTemplates.All.Select(t => (t.Key, t.Name)), templates!.Select(t => (t.GetProperty("key").GetString()!, t.GetProperty("name").GetString()!)));

        var template = BuiltInTemplates.All.First(t => t.Create().Items.Any(i => i.Kind == ItemKind.Grade));
        var created = await client.Http.PostAsJsonAsync("/api/forms/from-template", new { organizationId = app.UnitAId, templateKey = template.Key });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetInt32();
        Assert.Equal(app.UnitAId, dto.GetProperty("organizationId").GetInt32());
        Assert.True(dto.GetProperty("editable").GetBoolean());
        Assert.Equal(template.Key, dto.GetProperty("templateKey").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.FormCreate && e.ObjectId == id.ToString())));

        var read = await client.Http.GetFromJsonAsync<JsonElement>($"/api/forms/{id}");
        var current = read.GetProperty("current");
        Assert.Equal(1, current.GetProperty("number").GetInt32());
        var items = current.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(template.Create().Items.Select(i => i.Text), items.Select(i => i.GetProperty("text").GetString()));
        var grade = items.First(i => i.GetProperty("kind").GetInt32() == (int)ItemKind.Grade);
        var scale = (GradeScale)grade.GetProperty("scale").GetInt32();
        Assert.Equal(GradeScales.Of(scale).Select(l => l.Label), grade.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("等级评价", grade.GetProperty("kindName").GetString());

        var version = await client.Http.GetFromJsonAsync<JsonElement>($"/api/forms/{id}/versions/1");
        Assert.Equal(current.GetProperty("id").GetInt32(), version.GetProperty("id").GetInt32());
        var list = await client.Http.GetFromJsonAsync<List<JsonElement>>("/api/forms");
        var row = list!.Single(f => f.GetProperty("id").GetInt32() == id);
        Assert.Equal((1, false), (row.GetProperty("currentVersion").GetInt32(), row.GetProperty("frozen").GetBoolean()));
    }

    [Fact]
    public async Task Archived_forms_are_listed_only_on_request()
    {
        var (id, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("接口停用表"));
        await app.WithDbAsync(async db =>
        {
            (await db.Forms.SingleAsync(f => f.Id == id)).IsArchived = true;
            await db.SaveChangesAsync();
        });
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var active = await client.Http.GetFromJsonAsync<List<JsonElement>>("/api/forms");
        Assert.DoesNotContain(active!, f => f.GetProperty("id").GetInt32() == id);
        var all = await client.Http.GetFromJsonAsync<List<JsonElement>>("/api/forms?includeArchived=true");
        Assert.Contains(all!, f => f.GetProperty("id").GetInt32() == id && f.GetProperty("isArchived").GetBoolean());
    }

    [Fact]
    public async Task Bad_requests_get_a_chinese_problem_and_store_nothing()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();

        var unknown = await client.Http.PostAsJsonAsync("/api/forms/from-template", new { organizationId = app.UnitAId, templateKey = "<script>" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("找不到所选的内置模板", await unknown.Content.ReadAsStringAsync());

        var malformed = await client.Http.PostAsync("/api/forms/from-template", new StringContent("{\"organizationId\": \"x", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.DoesNotContain("Exception", await malformed.Content.ReadAsStringAsync());

        var noOrganization = await client.Http.PostAsync("/api/forms/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noOrganization.StatusCode);

        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_forms_api()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var doc = await client.GetHtmlAsync("/api/openapi/v1.json");
        foreach (var path in new[] { "/api/forms", "/api/forms/{id}", "/api/forms/{id}/versions/{number}", "/api/forms/templates",
            "/api/forms/from-template", "/api/forms/import", "/api/forms/{id}/export" })
        {
            Assert.Contains($"\"{path}\"", doc);
        }
        Assert.Contains("测评表", doc);
    }
}

public sealed class SqliteFormApiTests(SqliteAppFixture app) : FormApiTests<SqliteAppFixture>(app);

public sealed class PostgresFormApiTests(PostgresAppFixture app) : FormApiTests<PostgresAppFixture>(app);
