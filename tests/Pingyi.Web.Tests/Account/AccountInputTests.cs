using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Account;

/// <summary>Wrong, missing, oversized and hostile input on the account pages and the remaining forms.</summary>
public abstract class AccountInputTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Theory]
    [InlineData("", "", "请输入用户名和密码")]
    [InlineData("sys", "", "请输入用户名和密码")]
    [InlineData("' OR 1=1 --", "x' OR '1'='1", "用户名或密码错误")]
    public async Task Bad_sign_in_input_gets_a_chinese_message(string user, string password, string message)
    {
        using var client = app.CreateClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task An_oversized_sign_in_is_refused_without_an_error_page()
    {
        using var client = app.CreateClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = new string('u', 10_000), ["Input.Password"] = new string('p', 100_000),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请输入用户名和密码", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_the_password_checks_the_current_one_the_policy_and_the_confirmation()
    {
        await app.CreateAccountAsync("changer", Roles.Auditor);
        using var client = app.CreateClient();
        await client.SignInAsync("changer", app.Password);
        async Task<string> Change(string current, string next, string confirm)
        {
            var response = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
            {
                ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = confirm,
            });
            return response.StatusCode == HttpStatusCode.Redirect ? "redirect" : await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("两次输入的新密码不一致", await Change(app.Password, "Tj8kq2Lm9x", "Tj8kq2Lm9y"));
        Assert.Contains("密码不正确", await Change("wrong-current-1", "Tj8kq2Lm9x", "Tj8kq2Lm9x"));
        Assert.Contains("常见密码", await Change(app.Password, "iloveyou", "iloveyou"));
        Assert.Equal("redirect", await Change(app.Password, "Tj8kq2Lm9x", "Tj8kq2Lm9x"));
        using var again = app.CreateClient();
        await again.SignInAsync("changer", "Tj8kq2Lm9x");
    }

    [Theory]
    [InlineData("<script>x</script>", "管理员", true, "用户名只能包含")]
    [InlineData("good.name", "", true, "姓名不能为空")]
    [InlineData("noorg", "无组织", false, "组织管理员必须指定")]
    [InlineData("sys", "重名", true, "已被使用")]
    public async Task Bad_account_input_is_refused_and_creates_nothing(string user, string display, bool withOrganization, string message)
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var response = await client.PostFormAsync("/Accounts/Create", new Dictionary<string, string>
        {
            ["UserName"] = user, ["Fields.DisplayName"] = display, ["Fields.Role"] = Roles.OrgAdmin,
            ["Fields.OrganizationId"] = withOrganization ? app.UnitAId.ToString() : "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("<script>x</script>", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_system_administrator_cannot_lock_themself_out_and_unknown_accounts_are_not_found()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var response = await client.PostFormAsync("/Accounts/Edit", new Dictionary<string, string>
        {
            ["UserName"] = AppFixture.SystemAdmin, ["Fields.DisplayName"] = "系统管理员", ["Fields.Role"] = Roles.SystemAdmin,
            ["IsActive"] = "false",
        });
        Assert.Contains("不能停用自己的账户", await response.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == AppFixture.SystemAdmin).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Accounts/Edit?userName=nobody")).StatusCode);
    }

    [Fact]
    public async Task Organisation_administrators_cannot_reach_account_management()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var response = await admin.PostFormAsync("/Accounts/Edit?handler=ResetPassword", [new("UserName", AppFixture.SystemAdmin)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Member_pages_render_hostile_names_inert_and_survive_hostile_queries()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var response = await client.PostFormAsync("/Members/Create", new Dictionary<string, string>
        {
            ["orgId"] = app.BranchAId.ToString(), ["Form.Name"] = "<img src=x onerror=alert(1)>", ["Form.Role"] = "1", ["Form.Gender"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetHtmlAsync($"/Members?orgId={app.BranchAId}");
        Assert.DoesNotContain("<img src=x", list);
        Assert.Contains("&lt;img src=x", list);
        var injected = await client.GetHtmlAsync("/Members?q=%27%20OR%201%3D1%20--&role=abc");
        Assert.DoesNotContain("甲成员", injected);
    }

    [Fact]
    public async Task Ids_that_do_not_exist_are_not_found()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Organizations/Details/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Members/Edit/999999")).StatusCode);
        var move = await client.PostFormAsync($"/Organizations/Move/{app.BranchAId}", [new("NewParentId", "999999")]);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        var member = await client.Http.PostAsJsonAsync("/api/members", new { organizationId = app.BranchAId, name = "", role = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        Assert.Contains("姓名不能为空", await member.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteAccountInputTests(SqliteAppFixture app) : AccountInputTests<SqliteAppFixture>(app);

public sealed class PostgresAccountInputTests(PostgresAppFixture app) : AccountInputTests<PostgresAppFixture>(app);
