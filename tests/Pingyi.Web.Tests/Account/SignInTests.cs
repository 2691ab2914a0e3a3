using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Account;

public abstract class SignInTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<List<AuditEntry>> AuditOfAsync(string actor) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Actor == actor).OrderBy(e => e.Id).ToListAsync());

    private static Dictionary<string, string> Login(string user, string password) => new()
    {
        ["Input.UserName"] = user,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Sign_in_success_and_failure_are_audited()
    {
        await app.CreateAccountAsync("audited", Roles.OrgAdmin, app.UnitAId);
        using var client = app.CreateClient();
        var wrong = await client.PostFormAsync("/Account/Login", Login("audited", "wrong-password-1"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码错误", html);
        Assert.DoesNotContain("Exception", html);
        await client.SignInAsync("audited", app.Password);
        var audit = await AuditOfAsync("audited");
        Assert.Contains(audit, e => e.Action == AuditActions.SignIn && e.Outcome == AuditOutcome.Failure);
        Assert.Contains(audit, e => e.Action == AuditActions.SignIn && e.Outcome == AuditOutcome.Success);
        Assert.All(audit, e => Assert.Equal(DateTimeKind.Utc, e.TimeUtc.Kind));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_thirty_minutes()
    {
        await app.CreateAccountAsync("locked", Roles.OrgAdmin, app.UnitAId);
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", Login("locked", $"wrong-password-{i}"));
        }
        var right = await client.PostFormAsync("/Account/Login", Login("locked", app.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账户已被锁定", await right.Content.ReadAsStringAsync());

        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "locked").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        var remaining = lockoutEnd.Value - DateTimeOffset.UtcNow;
        Assert.InRange(remaining.TotalMinutes, 29, 30.5);

        var audit = await AuditOfAsync("locked");
        // The fifth wrong password is the one that locks: it and the sixth attempt are audited as lockouts.
        Assert.Equal(4, audit.Count(e => e.Action == AuditActions.SignIn && e.Outcome == AuditOutcome.Failure));
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.LockedOut && e.Outcome == AuditOutcome.Denied));
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.SignIn && e.Outcome == AuditOutcome.Success);
    }

    [Fact]
    public async Task An_idle_session_ends_after_thirty_minutes_and_is_audited()
    {
        await app.CreateAccountAsync("idle", Roles.OrgAdmin, app.UnitAId);
        using var client = app.CreateClient();
        await client.SignInAsync("idle", app.Password);
        await client.GetHtmlAsync("/Organizations");

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await client.GetAsync("/Organizations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        Assert.Contains(await AuditOfAsync("idle"), e => e.Action == AuditActions.IdleSignOut);
    }

    [Fact]
    public async Task An_active_session_stays_signed_in()
    {
        await app.CreateAccountAsync("busy", Roles.OrgAdmin, app.UnitAId);
        using var client = app.CreateClient();
        await client.SignInAsync("busy", app.Password);
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            await client.GetHtmlAsync("/Organizations");
        }
        Assert.DoesNotContain(await AuditOfAsync("busy"), e => e.Action == AuditActions.IdleSignOut);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        await app.CreateAccountAsync("gone", Roles.OrgAdmin, app.UnitAId);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.UserName == "gone")).IsActive = false;
            await db.SaveChangesAsync();
        });
        using var client = app.CreateClient();
        var response = await client.PostFormAsync("/Account/Login", Login("gone", app.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await AuditOfAsync("gone"), e => e.Action == AuditActions.SignIn && e.Detail == "账户已停用");
    }

    [Theory]
    [InlineData("short1", "至少需要8个字符")]
    [InlineData("password123", "常见密码")]
    [InlineData("12345678", "连续")]
    [InlineData("aaaaaaaa", "重复组成")]
    public async Task Weak_passwords_are_refused(string password, string message)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var error = await accounts.CreateAsync($"weak{Math.Abs(password.GetHashCode())}", "弱密码", Roles.Auditor, null, password);
        Assert.NotNull(error);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task A_system_administrator_creates_an_account_with_a_random_password_shown_once()
    {
        using var client = await app.SignInAsync(AppFixture.SystemAdmin);
        var response = await client.PostFormAsync("/Accounts/Create", new Dictionary<string, string>
        {
            ["UserName"] = "newadmin",
            ["Fields.DisplayName"] = "新管理员",
            ["Fields.Role"] = Roles.OrgAdmin,
            ["Fields.OrganizationId"] = app.UnitBId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetHtmlAsync("/Accounts");
        var password = System.Text.RegularExpressions.Regex.Match(list, "<strong>([A-Za-z0-9]{14})</strong>").Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.DoesNotContain(password, await client.GetHtmlAsync("/Accounts"));
        using var newcomer = app.CreateClient();
        await newcomer.SignInAsync("newadmin", password);
        Assert.Contains("乙医院", await newcomer.GetHtmlAsync("/Organizations"));
        Assert.Contains(await AuditOfAsync(AppFixture.SystemAdmin), e => e.Action == AuditActions.AccountCreate && e.ObjectId == "newadmin");
    }

    [Fact]
    public async Task The_auditor_filters_the_audit_trail()
    {
        using var client = await app.SignInAsync(AppFixture.Auditor);
        var html = await client.GetHtmlAsync($"/Audit?actor={AppFixture.Auditor}&action={AuditActions.SignIn}&outcome=1");
        Assert.Contains("登录", html);
        Assert.Contains(AppFixture.Auditor, html);
        var none = await client.GetHtmlAsync("/Audit?actor=nobody-at-all");
        Assert.Contains("共 0 条", none);
        var bad = await client.GetAsync("/Audit?from=not-a-date&page=-5&outcome=99");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }
}

public sealed class SqliteSignInTests(SqliteAppFixture app) : SignInTests<SqliteAppFixture>(app);

public sealed class PostgresSignInTests(PostgresAppFixture app) : SignInTests<PostgresAppFixture>(app);

/// <summary>With no account at all, the first visit sets up the first system administrator, once.</summary>
public abstract class SetupTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_first_visit_sets_up_the_first_administrator_once()
    {
        using var client = app.CreateClient();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Setup", home.Headers.Location!.OriginalString);

        var weak = await client.PostFormAsync("/Setup", new Dictionary<string, string>
        {
            ["Input.UserName"] = "chief", ["Input.DisplayName"] = "局办主任",
            ["Input.Password"] = "woaini1314", ["Input.ConfirmPassword"] = "woaini1314",
        }, "/Setup");
        Assert.Contains("常见密码", await weak.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync()));

        var good = await client.PostFormAsync("/Setup", new Dictionary<string, string>
        {
            ["Input.UserName"] = "chief", ["Input.DisplayName"] = "局办主任",
            ["Input.Password"] = app.Password, ["Input.ConfirmPassword"] = app.Password,
        }, "/Setup");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()), a => a == AuditActions.Setup);

        using var other = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/Setup")).StatusCode);
        var roles = await app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select r.Name).ToListAsync());
        Assert.Equal([Roles.SystemAdmin], roles);
    }
}

public sealed class SqliteSetupTests(SqliteEmptyAppFixture app) : SetupTests<SqliteEmptyAppFixture>(app);

public sealed class PostgresSetupTests(PostgresEmptyAppFixture app) : SetupTests<PostgresEmptyAppFixture>(app);
