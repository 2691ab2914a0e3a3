using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

/// <summary>
/// The administrator of hospital A and the forms of sibling hospital B (invisible, 404, nothing
/// changes) and of the bureau above (readable and usable, not editable).
/// </summary>
public abstract class FormScopeTests<TFixture>(TFixture app) : IClassFixture<TFixture>, IAsyncLifetime where TFixture : AppFixture
{
    private int _formB;
    private int _versionB;
    private string _keyB = "";
    private int _formBureau;
    private int _versionBureau;
    private string _keyBureau = "";
    private int _formA;

    public async Task InitializeAsync()
    {
        (_formB, _versionB) = await app.AddFormAsync(app.UnitBId, FormArrange.Sample($"乙医院专用表{Guid.NewGuid():N}"));
        _keyB = (await app.CurrentAsync(_formB)).Items.First().Key;
        (_formBureau, _versionBureau) = await app.AddFormAsync(app.BureauId, FormArrange.Sample($"局标准表{Guid.NewGuid():N}"));
        _keyBureau = (await app.CurrentAsync(_formBureau)).Items.First().Key;
        (_formA, _) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample($"甲医院自用表{Guid.NewGuid():N}"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> DenialsAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));

    private string Fill(string url) => url
        .Replace("{FB}", _formB.ToString()).Replace("{VB}", _versionB.ToString()).Replace("{KB}", _keyB)
        .Replace("{FBUR}", _formBureau.ToString()).Replace("{KBUR}", _keyBureau)
        .Replace("{FA}", _formA.ToString()).Replace("{B}", app.UnitBId.ToString()).Replace("{A}", app.UnitAId.ToString());

    public static TheoryData<string> NeighbourReads => new()
    {
        "/Forms/Details/{FB}",
        "/Forms/Preview/{VB}",
        "/Forms/Export/{VB}",
        "/Forms/Item/{FB}?key={KB}",
        "/Forms/Item/{FB}?section=1",
        "/api/forms/{FB}",
        "/api/forms/{FB}/versions/1",
        "/api/forms/{FB}/export",
    };

    [Theory]
    [MemberData(nameof(NeighbourReads))]
    public async Task A_neighbours_form_is_not_found(string url)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var denials = await DenialsAsync();
        var response = await client.GetAsync(Fill(url));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("乙医院专用表", await response.Content.ReadAsStringAsync());
        Assert.True(await DenialsAsync() > denials, "the refusal is audited");
    }

    [Fact]
    public async Task A_neighbours_form_is_not_listed()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        Assert.DoesNotContain("乙医院专用表", await client.GetHtmlAsync("/Forms?all=true"));
        Assert.DoesNotContain("乙医院专用表", await client.GetHtmlAsync("/api/forms?includeArchived=true"));
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Contains("乙医院专用表", await sys.GetHtmlAsync("/Forms"));
    }

    public static TheoryData<string, string> Writes => new()
    {
        // Unit B's form: nothing may touch it.
        { "/Forms/Details/{FB}?handler=Header", "title=被篡改" },
        { "/Forms/Details/{FB}?handler=AddSection", "sectionTitle=被篡改" },
        { "/Forms/Details/{FB}?handler=RenameSection", "position=1&sectionTitle=被篡改" },
        { "/Forms/Details/{FB}?handler=DeleteSection", "position=1" },
        { "/Forms/Details/{FB}?handler=MoveSection", "position=2&up=true" },
        { "/Forms/Details/{FB}?handler=DeleteItem", "key={KB}" },
        { "/Forms/Details/{FB}?handler=MoveItem", "key={KB}&up=false" },
        { "/Forms/Details/{FB}?handler=Archive", "archived=true" },
        { "/Forms/Details/{FB}?handler=Copy", "organizationId={A}" },
        { "/Forms/Item/{FB}?key={KB}", "Item.Kind=1&Item.Text=被篡改&Item.Scale=3&Item.Required=true" },
        { "/Forms/Item/{FB}?section=1", "Item.Kind=1&Item.Text=被篡改&Item.Scale=3&Item.Required=true" },
        // The bureau's form: readable, but its edit handlers do not exist for A.
        { "/Forms/Details/{FBUR}?handler=Header", "title=被篡改" },
        { "/Forms/Details/{FBUR}?handler=AddSection", "sectionTitle=被篡改" },
        { "/Forms/Details/{FBUR}?handler=DeleteSection", "position=1" },
        { "/Forms/Details/{FBUR}?handler=MoveItem", "key={KBUR}&up=false" },
        { "/Forms/Details/{FBUR}?handler=DeleteItem", "key={KBUR}" },
        { "/Forms/Details/{FBUR}?handler=Archive", "archived=true" },
        { "/Forms/Item/{FBUR}?key={KBUR}", "Item.Kind=1&Item.Text=被篡改&Item.Scale=3&Item.Required=true" },
        // Creating or copying into unit B.
        { "/Forms?handler=Blank", "organizationId={B}&title=越权新建" },
        { "/Forms?handler=Template", "organizationId={B}&templateKey=" },
        { "/Forms/Details/{FA}?handler=Copy", "organizationId={B}" },
        { "/Forms/Details/{FBUR}?handler=Copy", "organizationId={B}" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Changes_outside_the_subtree_are_not_found_and_change_nothing(string url, string body)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var fields = Fill(body).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        var response = await client.PostFormAsync(Fill(url), fields);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Fact]
    public async Task Importing_into_a_neighbour_is_not_found_and_stores_nothing()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.FormsSnapshotAsync();
        var json = Encoding.UTF8.GetBytes(FormJson.Export(FormArrange.Sample("越权导入")));
        var page = await client.PostFileAsync("/Forms?handler=Import", [new("organizationId", app.UnitBId.ToString())], "f.json", json);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var api = await client.Http.PostAsync($"/api/forms/import?organizationId={app.UnitBId}", new ByteArrayContent(json));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var template = await client.Http.PostAsJsonAsync("/api/forms/from-template",
            new { organizationId = app.UnitBId, templateKey = BuiltInTemplates.All[0].Key });
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
        Assert.Equal(before, await app.FormsSnapshotAsync());
    }

    [Fact]
    public async Task The_bureaus_form_is_read_previewed_and_copied_but_not_edited()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var details = await client.GetHtmlAsync($"/Forms/Details/{_formBureau}");
        Assert.Contains("复制到本单位", details);
        Assert.Contains("不能修改", details);
        Assert.DoesNotContain("handler=Header", details);
        Assert.DoesNotContain("handler=DeleteItem", details);
        Assert.DoesNotContain("/Forms/Item/", details);
        Assert.Contains("局标准表", await client.GetHtmlAsync($"/Forms/Preview/{_versionBureau}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Forms/Export/{_versionBureau}")).StatusCode);
        var dto = await client.Http.GetFromJsonAsync<JsonElement>($"/api/forms/{_formBureau}");
        Assert.False(dto.GetProperty("editable").GetBoolean());
        Assert.Contains("局标准表", await client.GetHtmlAsync("/Forms"));

        var copied = await client.PostFormAsync($"/Forms/Details/{_formBureau}?handler=Copy", [new("organizationId", app.BranchAId.ToString())]);
        var copyId = FormArrange.DetailsId(copied);
        Assert.NotEqual(_formBureau, copyId);
        Assert.Equal(app.BranchAId, await app.WithDbAsync(db => db.Forms.Where(f => f.Id == copyId).Select(f => f.OrganizationId).SingleAsync()));
        var source = await app.CurrentAsync(_formBureau);
        var copy = await app.CurrentAsync(copyId);
        Assert.Equal((1, source.Title), (copy.Number, copy.Title));
        Assert.Equal(source.Items.Select(i => (i.Key, i.Text, i.Kind, i.Scale, i.MaxScore)), copy.Items.Select(i => (i.Key, i.Text, i.Kind, i.Scale, i.MaxScore)));
        Assert.Contains("保存名称和指导语", await client.GetHtmlAsync($"/Forms/Details/{copyId}"));
    }

    [Fact]
    public async Task The_api_refuses_a_neighbour_the_same_way()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var list = await client.Http.GetFromJsonAsync<List<JsonElement>>("/api/forms");
        var ids = list!.Select(f => f.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(_formA, ids);
        Assert.Contains(_formBureau, ids);
        Assert.DoesNotContain(_formB, ids);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/forms/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forms/{_formA}/versions/9")).StatusCode);
    }
}

public sealed class SqliteFormScopeTests(SqliteAppFixture app) : FormScopeTests<SqliteAppFixture>(app);

public sealed class PostgresFormScopeTests(PostgresAppFixture app) : FormScopeTests<PostgresAppFixture>(app);
