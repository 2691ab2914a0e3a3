using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Organizations;

public abstract class OrganizationPagesTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static Dictionary<string, string> Form(string? parentId, string code, string name, int kind = 4, int unitType = 0) => new()
    {
        ["parentId"] = parentId ?? "",
        ["Form.Code"] = code,
        ["Form.Name"] = name,
        ["Form.Kind"] = kind.ToString(),
        ["Form.UnitType"] = unitType.ToString(),
        ["Form.SortOrder"] = "0",
    };

    private Task<Organization?> FindAsync(string code) =>
        app.WithDbAsync(db => db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code));

    [Fact]
    public async Task An_administrator_adds_renames_moves_and_deactivates_an_organisation()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var created = await client.PostFormAsync("/Organizations/Create", Form(app.UnitAId.ToString(), "ua-nk", "内科党支部"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var org = await FindAsync("UA-NK");
        Assert.NotNull(org);
        Assert.Equal($"/{app.BureauId}/{app.UnitAId}/{org.Id}/", org.Path);
        Assert.Contains("内科党支部", await client.GetHtmlAsync("/Organizations"));

        var renamed = await client.PostFormAsync($"/Organizations/Edit/{org.Id}",
            Form(null, "UA-NK", "内科第一党支部", unitType: 2).Where(kv => kv.Key != "parentId"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("内科第一党支部", (await FindAsync("UA-NK"))!.Name);

        var moved = await client.PostFormAsync($"/Organizations/Move/{org.Id}", [new("NewParentId", app.BranchAId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/{app.BureauId}/{app.UnitAId}/{app.BranchAId}/{org.Id}/", (await FindAsync("UA-NK"))!.Path);

        var deactivated = await client.PostFormAsync($"/Organizations/Details/{org.Id}?handler=Deactivate", []);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var after = await FindAsync("UA-NK");
        Assert.False(after!.IsActive);
        Assert.NotNull(after.DeactivatedUtc);
        Assert.DoesNotContain("内科第一党支部", await client.GetHtmlAsync("/Organizations"));
        Assert.Contains("内科第一党支部", await client.GetHtmlAsync("/Organizations?all=true"));

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "Organization" && e.ObjectId == org.Id.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.OrganizationCreate, AuditActions.OrganizationRename, AuditActions.OrganizationMove, AuditActions.OrganizationDeactivate], actions);
    }

    [Fact]
    public async Task Moving_a_subtree_rewrites_every_descendant_path()
    {
        var top = await app.AddOrganizationAsync("MV-TOP", "移动测试", app.BureauId);
        var mid = await app.AddOrganizationAsync("MV-MID", "移动测试中层", top.Id);
        var leaf = await app.AddOrganizationAsync("MV-LEAF", "移动测试底层", mid.Id);
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var moved = await client.PostFormAsync($"/Organizations/Move/{top.Id}", [new("NewParentId", app.UnitBId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/{app.BureauId}/{app.UnitBId}/{top.Id}/{mid.Id}/{leaf.Id}/", (await FindAsync("MV-LEAF"))!.Path);
    }

    [Fact]
    public async Task Moving_under_its_own_descendant_is_refused()
    {
        var top = await app.AddOrganizationAsync("CY-TOP", "循环测试", app.BureauId);
        var child = await app.AddOrganizationAsync("CY-CHILD", "循环测试下级", top.Id);
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        foreach (var target in new[] { child.Id, top.Id })
        {
            var response = await client.PostFormAsync($"/Organizations/Move/{top.Id}", [new("NewParentId", target.ToString())]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("不能把组织移动到它自己或它的下级组织之下", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal($"/{app.BureauId}/{top.Id}/", (await FindAsync("CY-TOP"))!.Path);
    }

    [Fact]
    public async Task Deactivating_with_active_children_is_refused()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var response = await client.PostFormAsync($"/Organizations/Details/{app.UnitBId}?handler=Deactivate", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("还有启用中的下级组织", await response.Content.ReadAsStringAsync());
        Assert.True((await FindAsync("UB"))!.IsActive);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "", "空编码", "组织编码不能为空" },
        { "有中文", "中文编码", "组织编码只能由字母" },
        { "<script>", "脚本编码", "组织编码只能由字母" },
        { "X' OR 1=1 --", "注入", "组织编码只能由字母" },
        { new string('A', 33), "超长编码", "组织编码不能超过32个字符" },
        { "BADNAME1", "", "组织名称不能为空" },
        { "BADNAME2", new string('长', 101), "组织名称不能超过100个字符" },
        { "UA", "重复编码", "已被使用" },
        { "ua", "重复编码小写", "已被使用" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_chinese_message_and_stores_nothing(string code, string name, string message)
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var count = await app.WithDbAsync(db => db.Organizations.CountAsync());
        var response = await client.PostFormAsync("/Organizations/Create", Form(app.UnitAId.ToString(), code, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(count, await app.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Malformed_fields_get_a_chinese_message_not_an_error_page()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var form = Form(app.UnitAId.ToString(), "BADKIND", "类别错误");
        form["Form.Kind"] = "'; DROP TABLE Organizations; --";
        var response = await client.PostFormAsync("/Organizations/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("格式不正确", await response.Content.ReadAsStringAsync());
        Assert.Null(await FindAsync("BADKIND"));
        form["Form.Kind"] = "42";
        var unknown = await client.PostFormAsync("/Organizations/Create", form);
        Assert.Contains("格式不正确", await unknown.Content.ReadAsStringAsync());
        Assert.Null(await FindAsync("BADKIND"));
    }

    [Fact]
    public async Task Html_in_a_name_is_shown_inert()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var response = await client.PostFormAsync("/Organizations/Create", Form(app.UnitAId.ToString(), "XSS", hostile));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tree = await client.GetHtmlAsync("/Organizations");
        Assert.DoesNotContain("<script>alert(1)", tree);
        Assert.DoesNotContain("<img src=x", tree);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", tree);
    }

    [Fact]
    public async Task Only_a_system_administrator_creates_a_root()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Organizations/Create")).StatusCode);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var response = await sys.PostFormAsync("/Organizations/Create", Form(null, "ROOT2", "第二个卫生局", 1, 1));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var root = await FindAsync("ROOT2");
        Assert.Null(root!.ParentId);
        Assert.Equal($"/{root.Id}/", root.Path);
    }
}

public sealed class SqliteOrganizationPagesTests(SqliteAppFixture app) : OrganizationPagesTests<SqliteAppFixture>(app);

public sealed class PostgresOrganizationPagesTests(PostgresAppFixture app) : OrganizationPagesTests<PostgresAppFixture>(app);
