using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Api;

/// <summary>
/// API keys: created once on the page, they open the JSON API with exactly their creator's scope,
/// never open a page, and stop working when revoked or when the creator can no longer sign in.
/// </summary>
public abstract partial class ApiKeyTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const string Refusal = "API密钥无效或已吊销。";

    [GeneratedRegex("value=\"(pyk_[A-Za-z0-9_-]{43})\"")]
    private static partial Regex ShownKey();

    private sealed record CreatedKey(string Secret, int Id, string Prefix);

    private async Task<CreatedKey> CreateKeyAsync(TestClient client, string name)
    {
        var response = await client.PostFormAsync("/ApiKeys?handler=Create", [new("Name", name)]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var match = ShownKey().Match(html);
        Assert.True(match.Success, "the new key is shown");
        var secret = match.Groups[1].Value;
        var prefix = secret[..ApiKey.PrefixLength];
        var id = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Prefix == prefix).Select(k => k.Id).SingleAsync());
        return new CreatedKey(secret, id, prefix);
    }

    private async Task<CreatedKey> CreateKeyAsync(string userName, string name)
    {
        using var client = await app.SignInAsync(userName);
        return await CreateKeyAsync(client, name);
    }

    private HttpClient Bare() =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private HttpClient KeyClient(string secret, bool inApiKeyHeader = false)
    {
        var http = Bare();
        if (inApiKeyHeader)
        {
            http.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, secret);
        }
        else
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        }
        return http;
    }

    private static async Task<List<int>> IdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<List<Dictionary<string, JsonElement>>>();
        return list!.Select(o => o["id"].GetInt32()).Order().ToList();
    }

    private Task<List<int>> SubtreeAsync(int rootId) =>
        app.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == rootId).Select(o => o.Path).SingleAsync();
            return await db.Organizations.Where(o => o.Path.StartsWith(path)).Select(o => o.Id).OrderBy(i => i).ToListAsync();
        });

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{response.RequestMessage!.Headers} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(Refusal, body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task A_key_created_by_an_organisation_administrator_has_exactly_their_scope()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var page = await admin.PostFormAsync("/ApiKeys?handler=Create", [new("Name", "甲医院HIS")]);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("只显示这一次", html);
        Assert.Contains("Authorization: Bearer", html);
        Assert.Contains("甲医院及其下级组织", html);
        var secret = ShownKey().Match(html).Groups[1].Value;
        var prefix = secret[..ApiKey.PrefixLength];
        using var api = KeyClient(secret);

        Assert.Equal(await SubtreeAsync(app.UnitAId), await IdsAsync(await api.GetAsync("/api/organizations")));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/organizations/{app.BranchAId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/organizations/{app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/members/{app.MemberBId}")).StatusCode);

        var intoB = await api.PostAsJsonAsync("/api/organizations", new { parentId = app.UnitBId, code = "KEY-EVIL", name = "越权新增", kind = 4, unitType = 0 });
        Assert.Equal(HttpStatusCode.NotFound, intoB.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Code == "KEY-EVIL")));
        var actor = $"{AppFixture.AdminA}（密钥 {prefix}）";
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.Denied && e.Actor == actor && e.ObjectId == app.UnitBId.ToString())), "the refusal is audited under the key");

        var intoA = await api.PostAsJsonAsync("/api/organizations", new { parentId = app.UnitAId, code = "KEY-OK", name = "密钥新增", kind = 4, unitType = 0 });
        Assert.Equal(HttpStatusCode.Created, intoA.StatusCode);
        var created = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "KEY-OK"));
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e =>
            e.Action == AuditActions.OrganizationCreate && e.ObjectId == created.Id.ToString()));
        Assert.Equal(actor, entry.Actor);
    }

    [Fact]
    public async Task A_key_created_by_the_system_administrator_sees_both_units()
    {
        var key = await CreateKeyAsync(AppFixture.SystemAdmin, "局平台");
        using var api = KeyClient(key.Secret);
        var ids = await IdsAsync(await api.GetAsync("/api/organizations"));
        Assert.Contains(app.BureauId, ids);
        Assert.Contains(app.UnitAId, ids);
        Assert.Contains(app.UnitBId, ids);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/members/{app.MemberBId}")).StatusCode);
    }

    [Fact]
    public async Task Both_header_styles_are_accepted()
    {
        var key = await CreateKeyAsync(AppFixture.AdminA, "两种请求头");
        using var bearer = KeyClient(key.Secret);
        using var header = KeyClient(key.Secret, inApiKeyHeader: true);
        using var lowerCase = Bare();
        lowerCase.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"bearer {key.Secret}");
        foreach (var client in new[] { bearer, header, lowerCase })
        {
            Assert.Equal(await SubtreeAsync(app.UnitAId), await IdsAsync(await client.GetAsync("/api/organizations")));
        }
    }

    [Fact]
    public async Task Anything_but_a_valid_key_is_refused_with_a_chinese_problem()
    {
        var key = await CreateKeyAsync(AppFixture.AdminA, "坏密钥对照");
        var last = key.Secret[^2];
        var oneCharChanged = key.Secret[..^2] + (last == 'A' ? 'B' : 'A') + key.Secret[^1];
        var authorizations = new[]
        {
            $"Bearer {ApiKeySecret.New()}",
            $"Bearer {oneCharChanged}",
            "Bearer ",
            "Bearer",
            $"Bearer {new string('x', 20_000)}",
            $"Bearer {key.Secret}x",
            $"Bearer pyk_<script>alert(1)</script>{new string('a', 17)}",
            $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AppFixture.AdminA}:{app.Password}"))}",
            key.Secret,
        };
        foreach (var value in authorizations)
        {
            using var client = Bare();
            Assert.True(client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", value));
            await AssertRefusedAsync(await client.GetAsync("/api/organizations"));
        }
        foreach (var value in new[] { ApiKeySecret.Marker, oneCharChanged.ToUpperInvariant(), $"'; DROP TABLE \"ApiKeys\"; --" })
        {
            using var client = Bare();
            client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, value);
            await AssertRefusedAsync(await client.GetAsync("/api/organizations"));
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.Id == key.Id && k.RevokedUtc == null)));
    }

    [Fact]
    public async Task A_key_sent_beside_a_sign_in_cookie_decides_alone()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/organizations")).StatusCode);
        admin.Http.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, ApiKeySecret.New());
        await AssertRefusedAsync(await admin.GetAsync("/api/organizations"));

        var sysKey = await CreateKeyAsync(AppFixture.SystemAdmin, "与登录并用");
        admin.Http.DefaultRequestHeaders.Remove(ApiKeyAuthentication.HeaderName);
        admin.Http.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, sysKey.Secret);
        var ids = await IdsAsync(await admin.GetAsync("/api/organizations"));
        Assert.Contains(app.UnitBId, ids);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var key = await CreateKeyAsync(admin, "将被吊销");
        using var api = KeyClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);

        var confirm = await admin.GetHtmlAsync($"/ApiKeys?revoke={key.Id}");
        Assert.Contains("确认吊销", confirm);
        Assert.Contains("不能恢复", confirm);
        Assert.Null(await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.RevokedUtc).SingleAsync()));

        var revoked = await admin.PostFormAsync($"/ApiKeys?handler=Revoke&id={key.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.RevokedUtc).SingleAsync()));
        await AssertRefusedAsync(await api.GetAsync("/api/organizations"));
        await AssertRefusedAsync(await api.GetAsync($"/api/organizations/{app.UnitAId}"));

        var list = await admin.GetHtmlAsync("/ApiKeys");
        Assert.Contains("已吊销", list);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ApiKeyRevoke && e.ObjectId == key.Id.ToString()));
        Assert.Equal(AppFixture.AdminA, audit.Actor);
        Assert.Contains(key.Prefix, audit.Detail);
    }

    [Fact]
    public async Task A_key_stops_working_when_its_owner_is_deactivated_or_locked_out()
    {
        const string owner = "keyowner";
        await app.CreateAccountAsync(owner, Roles.OrgAdmin, app.UnitAId);
        var key = await CreateKeyAsync(owner, "停用账户的密钥");
        using var api = KeyClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);

        await SetOwnerAsync(owner, u => u.IsActive = false);
        await AssertRefusedAsync(await api.GetAsync("/api/organizations"));

        await SetOwnerAsync(owner, u => u.IsActive = true);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);

        await SetOwnerAsync(owner, u => u.LockoutEnd = app.Clock.GetUtcNow().AddMinutes(30));
        await AssertRefusedAsync(await api.GetAsync("/api/organizations"));
    }

    private Task SetOwnerAsync(string userName, Action<AppUser> change) =>
        app.WithDbAsync(async db =>
        {
            change(await db.Users.SingleAsync(u => u.UserName == userName));
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_key_whose_owner_lost_the_administrator_role_is_forbidden()
    {
        const string owner = "demoted";
        await app.CreateAccountAsync(owner, Roles.OrgAdmin, app.UnitAId);
        var key = await CreateKeyAsync(owner, "降级账户的密钥");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(owner);
            await users.RemoveFromRoleAsync(user!, Roles.OrgAdmin);
            await users.AddToRoleAsync(user!, Roles.Auditor);
        }
        using var api = KeyClient(key.Secret);
        var response = await api.GetAsync("/api/organizations");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权使用此接口", await response.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.Denied && e.Actor == $"{owner}（密钥 {key.Prefix}）")));
    }

    [Fact]
    public async Task A_key_never_opens_a_page()
    {
        var key = await CreateKeyAsync(AppFixture.SystemAdmin, "不能打开页面");
        foreach (var inHeader in new[] { false, true })
        {
            using var client = KeyClient(key.Secret, inHeader);
            foreach (var url in new[] { "/Organizations", "/ApiKeys", "/Accounts", "/Audit" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString);
            }
        }
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored_and_it_is_shown_once()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var key = await CreateKeyAsync(admin, "只存散列");
        var row = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Secret))), row.SecretHash);
        Assert.Equal(key.Secret[..ApiKey.PrefixLength], row.Prefix);
        var secretPart = key.Secret[ApiKey.PrefixLength..];
        foreach (var column in new[] { row.Name, row.Prefix, row.SecretHash, row.OwnerUserId })
        {
            Assert.DoesNotContain(secretPart, column);
        }

        using var api = KeyClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);
        var trail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Select(e => e.Actor + "|" + e.ObjectId + "|" + e.Detail).ToListAsync());
        Assert.DoesNotContain(trail, line => line.Contains(secretPart));
        var creation = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ApiKeyCreate && e.ObjectId == key.Id.ToString()));
        Assert.Contains(key.Prefix, creation.Detail);

        var list = await admin.GetHtmlAsync("/ApiKeys");
        Assert.Contains(key.Prefix, list);
        Assert.DoesNotContain(secretPart, list);
    }

    [Fact]
    public async Task The_day_of_last_use_is_recorded()
    {
        var key = await CreateKeyAsync(AppFixture.AdminA, "最近使用");
        Task<DateOnly?> LastUsedAsync() => app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.LastUsedOn).SingleAsync());
        Assert.Null(await LastUsedAsync());

        using var api = KeyClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime), await LastUsedAsync());

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime), await LastUsedAsync());
    }

    [Fact]
    public async Task An_organisation_administrator_can_neither_see_nor_revoke_another_administrators_key()
    {
        var key = await CreateKeyAsync(AppFixture.SystemAdmin, "系统管理员的密钥");
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var list = await admin.GetHtmlAsync("/ApiKeys");
        Assert.DoesNotContain("系统管理员的密钥", list);
        Assert.DoesNotContain(key.Prefix, list);

        var denials = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.ObjectType == "ApiKey"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/ApiKeys?revoke={key.Id}")).StatusCode);
        var revoke = await admin.PostFormAsync($"/ApiKeys?handler=Revoke&id={key.Id}", []);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.DoesNotContain("系统管理员的密钥", await revoke.Content.ReadAsStringAsync());
        Assert.Equal(denials + 2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.ObjectType == "ApiKey")));

        Assert.Null(await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.RevokedUtc).SingleAsync()));
        using var api = KeyClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/organizations")).StatusCode);
    }

    [Fact]
    public async Task The_system_administrator_sees_and_revokes_every_key()
    {
        var key = await CreateKeyAsync(AppFixture.AdminA, "甲医院的密钥");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var list = await sys.GetHtmlAsync("/ApiKeys");
        Assert.Contains("甲医院的密钥", list);
        Assert.Contains(key.Prefix, list);
        Assert.Contains($"（{AppFixture.AdminA}）", list);

        var revoked = await sys.PostFormAsync($"/ApiKeys?handler=Revoke&id={key.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var api = KeyClient(key.Secret);
        await AssertRefusedAsync(await api.GetAsync("/api/organizations"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ApiKeyRevoke && e.ObjectId == key.Id.ToString()));
        Assert.Equal(AppFixture.SystemAdmin, audit.Actor);
    }

    [Fact]
    public async Task A_hostile_key_name_is_shown_inert()
    {
        const string hostile = "<script>alert(1)</script><img src=x>";
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var key = await CreateKeyAsync(admin, hostile);
        Assert.Equal(hostile, await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.Name).SingleAsync()));
        foreach (var url in new[] { "/ApiKeys", $"/ApiKeys?revoke={key.Id}" })
        {
            var html = await admin.GetHtmlAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;", html);
        }
    }

    [Fact]
    public async Task Bad_names_are_refused_and_nothing_is_stored()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Task<int> CountAsync() => app.WithDbAsync(db => db.ApiKeys.CountAsync());
        Task<int> CreatedAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApiKeyCreate));
        var (keys, created) = (await CountAsync(), await CreatedAsync());
        var cases = new (IEnumerable<KeyValuePair<string, string>> Fields, string Message)[]
        {
            ([new("Name", new string('长', ApiKey.NameMaxLength + 1))], "不能超过50个字符"),
            ([new("Name", new string('长', 5000))], "不能超过50个字符"),
            ([new("Name", "   ")], "不能为空"),
            ([new("Name", "")], "不能为空"),
            ([], "不能为空"),
            ([new("Name", "换行\r\n名称")], "控制字符"),
        };
        foreach (var (fields, message) in cases)
        {
            var response = await admin.PostFormAsync("/ApiKeys?handler=Create", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(message, html);
            Assert.DoesNotMatch(ShownKey(), html);
        }
        Assert.Equal(keys, await CountAsync());
        Assert.Equal(created, await CreatedAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_key()
    {
        using var client = Bare();
        var response = await client.GetAsync("/api/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var schemes = doc.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("ApiKeyHeader").GetProperty("type").GetString());
        Assert.Equal(ApiKeyAuthentication.HeaderName, schemes.GetProperty("ApiKeyHeader").GetProperty("name").GetString());
        var security = doc.RootElement.GetProperty("paths").GetProperty("/api/organizations").GetProperty("get").GetProperty("security");
        Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("ApiKey", out _));
        Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("ApiKeyHeader", out _));
    }
}

public sealed class SqliteApiKeyTests(SqliteAppFixture app) : ApiKeyTests<SqliteAppFixture>(app);

public sealed class PostgresApiKeyTests(PostgresAppFixture app) : ApiKeyTests<PostgresAppFixture>(app);
