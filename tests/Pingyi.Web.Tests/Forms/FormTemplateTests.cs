using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

/// <summary>Every built-in template is created from the gallery, imports through the page and the API, previews and round-trips.</summary>
public abstract class FormTemplateTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    public static TheoryData<string> Keys => new(BuiltInTemplates.All.Select(t => t.Key));

    /// <summary>Everything a rater or a results page depends on, without database ids.</summary>
    internal static string Shape(FormVersion v) => string.Join("\n",
        new[] { v.Title, v.Description ?? "" }.Concat(v.Sections.OrderBy(s => s.Position).SelectMany(s =>
            new[] { $"## {s.Title}" }.Concat(s.Items.OrderBy(i => i.Position).Select(i =>
                $"{i.Key}|{i.Kind}|{i.Text}|{i.Help}|{i.Required}|{i.Scale}|{i.MaxScore}|{i.Weight}|{i.MaxLength}|{i.MaxChoices}|{string.Join("/", i.Options)}")))));

    private static FormVersion Template(string key) => BuiltInTemplates.Find(key)!.Create();

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_template_from_the_gallery_becomes_an_editable_form(string key)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var index = await client.GetHtmlAsync("/Forms");
        Assert.Contains(BuiltInTemplates.Find(key)!.Name, WebUtility.HtmlDecode(index));
        var id = FormArrange.DetailsId(await client.PostFormAsync("/Forms?handler=Template",
            [new("organizationId", app.UnitAId.ToString()), new("templateKey", key)]));
        Assert.Equal(Shape(Template(key)), Shape(await app.CurrentAsync(id)));
        Assert.Equal(key, await app.WithDbAsync(db => db.Forms.Where(f => f.Id == id).Select(f => f.TemplateKey).SingleAsync()));
        Assert.Contains("保存名称和指导语", await client.GetHtmlAsync($"/Forms/Details/{id}"));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_template_file_imports_through_the_page_previews_and_round_trips(string key)
    {
        var template = Template(key);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var upload = await client.PostFileAsync("/Forms?handler=Import", [new("organizationId", app.UnitAId.ToString())],
            $"{key}.json", Encoding.UTF8.GetBytes(FormJson.Export(template)));
        var id = FormArrange.DetailsId(upload);
        var stored = await app.CurrentAsync(id);
        Assert.Equal(Shape(template), Shape(stored));

        var preview = WebUtility.HtmlDecode(await client.GetHtmlAsync($"/Forms/Preview/{stored.Id}"));
        Assert.Contains(template.Title, preview);
        foreach (var item in template.Items)
        {
            Assert.Contains(item.Text, preview);
            foreach (var level in GradeScales.Of(item.Scale))
            {
                Assert.Contains($"<span>{level.Label}</span>", preview);
            }
            foreach (var option in item.Options)
            {
                Assert.Contains($"<span>{option}</span>", preview);
            }
        }

        var export = await client.GetAsync($"/Forms/Export/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("filename*=UTF-8''", export.Content.Headers.ContentDisposition.ToString());
        Assert.EndsWith("-第1版.json", export.Content.Headers.ContentDisposition.FileNameStar);
        var again = FormJson.Import(await export.Content.ReadAsStringAsync());
        Assert.Empty(again.Errors);
        Assert.Equal(Shape(template), Shape(again.Version!));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_template_file_imports_through_the_api_and_exports_again(string key)
    {
        var template = Template(key);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var created = await client.Http.PostAsync($"/api/forms/import?organizationId={app.UnitAId}",
            new StringContent(FormJson.Export(template), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetInt32();
        Assert.Equal($"/api/forms/{id}", created.Headers.Location!.OriginalString);
        var texts = dto.GetProperty("current").GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("text").GetString()).ToList();
        Assert.Equal(template.Items.Select(i => i.Text), texts);

        var export = await client.GetAsync($"/api/forms/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("filename*=UTF-8''", export.Content.Headers.ContentDisposition!.ToString());
        var reimported = await client.Http.PostAsync($"/api/forms/import?organizationId={app.BranchAId}", new ByteArrayContent(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.Created, reimported.StatusCode);
        var secondId = (await reimported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(Shape(template), Shape(await app.CurrentAsync(secondId)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_template_form_is_used_by_a_campaign_that_opens(string key)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var created = await client.Http.PostAsJsonAsync("/api/forms/from-template", new { organizationId = app.UnitAId, templateKey = key });
        var formId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var campaignId = await client.CreateViaApiAsync(app.SimplePlan(app.UnitAId, $"模板{key}的评议活动", formId, [app.UnitAId]));

        var opened = await client.Http.PostAsJsonAsync($"/api/campaigns/{campaignId}/state", new { state = "Open" });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var (state, frozen) = await app.WithDbAsync(async db => (
            (await db.Campaigns.SingleAsync(c => c.Id == campaignId)).State,
            await db.FormVersions.Where(v => v.FormId == formId).Select(v => v.FrozenUtc).SingleAsync()));
        Assert.Equal(CampaignState.Open, state);
        Assert.NotNull(frozen);
    }
}

public sealed class SqliteFormTemplateTests(SqliteAppFixture app) : FormTemplateTests<SqliteAppFixture>(app);

public sealed class PostgresFormTemplateTests(PostgresAppFixture app) : FormTemplateTests<PostgresAppFixture>(app);
