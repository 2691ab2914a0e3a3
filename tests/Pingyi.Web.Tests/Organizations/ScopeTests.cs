using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Organizations;

/// <summary>
/// An organisation administrator of hospital A is refused — and nothing changes — on every page
/// and endpoint that touches sibling hospital B, its branch or its member.
/// </summary>
public abstract class ScopeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<string> SnapshotOfBAsync() =>
        await app.WithDbAsync(async db =>
        {
            var orgs = await db.Organizations.AsNoTracking().Where(o => o.Path.Contains($"/{app.UnitBId}/"))
                .OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Code}:{o.Name}:{o.ParentId}:{o.Path}:{o.IsActive}:{o.Kind}").ToListAsync();
            var members = await db.Members.AsNoTracking().Where(m => m.Organization!.Path.Contains($"/{app.UnitBId}/"))
                .OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Name}:{m.OrganizationId}:{m.IsActive}:{m.EmployeeNo}").ToListAsync();
            var own = await db.Organizations.AsNoTracking().Where(o => o.Id == app.UnitAId || o.Id == app.BranchAId)
                .OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.ParentId}:{o.Path}").ToListAsync();
            var ownMember = await db.Members.AsNoTracking().Where(m => m.Id == app.MemberAId).Select(m => $"{m.OrganizationId}").SingleAsync();
            return string.Join("|", orgs.Concat(members).Concat(own).Append(ownMember));
        });

    private Task<int> DenialsAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));

    public static TheoryData<string> PageReads => new()
    {
        "/Organizations/Details/{B}",
        "/Organizations/Details/{BB}",
        "/Organizations/Edit/{B}",
        "/Organizations/Move/{B}",
        "/Organizations/Create?parentId={B}",
        "/Members?orgId={B}",
        "/Members?orgId={BB}",
        "/Members/Create?orgId={BB}",
        "/Members/Edit/{MB}",
        "/api/organizations/{B}",
        "/api/organizations/{BB}/members",
        "/api/members/{MB}",
    };

    private string Fill(string url) => url
        .Replace("{BB}", app.BranchBId.ToString()).Replace("{B}", app.UnitBId.ToString())
        .Replace("{MB}", app.MemberBId.ToString()).Replace("{BUR}", app.BureauId.ToString())
        .Replace("{AA}", app.BranchAId.ToString()).Replace("{A}", app.UnitAId.ToString())
        .Replace("{MA}", app.MemberAId.ToString());

    [Theory]
    [MemberData(nameof(PageReads))]
    public async Task Reading_a_sibling_is_refused_as_not_found(string url)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var denials = await DenialsAsync();
        var response = await client.GetAsync(Fill(url));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("乙", body);
        Assert.True(await DenialsAsync() > denials, "the refusal is audited");
    }

    public static TheoryData<string, string> PageWrites => new()
    {
        { "/Organizations/Edit/{B}", "Form.Code=UB&Form.Name=被篡改&Form.Kind=5&Form.UnitType=2" },
        { "/Organizations/Move/{B}", "NewParentId={A}" },
        { "/Organizations/Move/{AA}", "NewParentId={B}" },
        { "/Organizations/Details/{B}?handler=Deactivate", "" },
        { "/Organizations/Details/{BB}?handler=Deactivate", "" },
        { "/Organizations/Create", "parentId={B}&Form.Code=EVIL&Form.Name=越权新增&Form.Kind=4&Form.UnitType=0" },
        { "/Members/Create", "orgId={BB}&Form.Name=越权人员&Form.Role=1&Form.Gender=0" },
        { "/Members/Edit/{MB}", "Form.Name=被篡改&Form.Role=1&Form.Gender=0&OrganizationId={BB}&IsActive=true" },
        { "/Members/Edit/{MA}", "Form.Name=甲成员&Form.Role=1&Form.Gender=0&Form.EmployeeNo=A001&OrganizationId={BB}&IsActive=true" },
    };

    [Theory]
    [MemberData(nameof(PageWrites))]
    public async Task Changing_a_sibling_is_refused_and_changes_nothing(string url, string form)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await SnapshotOfBAsync();
        var fields = Fill(form).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        var response = await client.PostFormAsync(Fill(url), fields);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotOfBAsync());
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Code == "EVIL")));
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "越权人员")));
    }

    [Fact]
    public async Task Api_writes_into_a_sibling_are_refused()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await SnapshotOfBAsync();
        var org = await client.Http.PostAsJsonAsync("/api/organizations",
            new { parentId = app.UnitBId, code = "EVIL", name = "越权", kind = 4, unitType = 0 });
        var member = await client.Http.PostAsJsonAsync("/api/members",
            new { organizationId = app.BranchBId, name = "越权人员", role = 1, gender = 0 });
        Assert.Equal(HttpStatusCode.NotFound, org.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
        Assert.Equal(before, await SnapshotOfBAsync());
    }

    [Fact]
    public async Task Lists_show_only_the_own_subtree()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var tree = await client.GetHtmlAsync("/Organizations");
        Assert.Contains("甲医院党支部", tree);
        Assert.DoesNotContain("乙医院", tree);
        Assert.DoesNotContain("测试卫生局", tree);
        var members = await client.GetHtmlAsync("/Members");
        Assert.Contains("甲成员", members);
        Assert.DoesNotContain("乙成员", members);
        var api = await client.Http.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/organizations");
        Assert.DoesNotContain(api!, o => o["code"].ToString()!.StartsWith("UB", StringComparison.Ordinal));
        Assert.Contains(api!, o => o["code"].ToString() == "UA-ZB");
        var moveTargets = await client.GetHtmlAsync($"/Organizations/Move/{app.BranchAId}");
        Assert.DoesNotContain("乙医院", moveTargets);
    }

    [Fact]
    public async Task The_own_scope_root_cannot_be_moved_or_deactivated()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await SnapshotOfBAsync();
        var deactivate = await client.PostFormAsync($"/Organizations/Details/{app.UnitAId}?handler=Deactivate", []);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Contains("只能由上级管理员", await deactivate.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == app.UnitAId).Select(o => o.IsActive).SingleAsync()));
        Assert.Equal(before, await SnapshotOfBAsync());
    }

    [Fact]
    public async Task Other_roles_pages_are_refused()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        foreach (var url in new[] { "/Accounts", "/Accounts/Create", "/Audit" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        foreach (var url in new[] { "/Organizations", $"/Organizations/Details/{app.UnitAId}", "/Members", "/Import", "/Accounts" })
        {
            var response = await auditor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/organizations")).StatusCode);
        await auditor.GetHtmlAsync("/Audit");
    }

    [Fact]
    public async Task Signed_out_callers_are_sent_to_sign_in()
    {
        using var client = app.CreateClient();
        var page = await client.GetAsync($"/Organizations/Details/{app.UnitAId}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/organizations")).StatusCode);
    }
}

public sealed class SqliteScopeTests(SqliteAppFixture app) : ScopeTests<SqliteAppFixture>(app);

public sealed class PostgresScopeTests(PostgresAppFixture app) : ScopeTests<PostgresAppFixture>(app);
