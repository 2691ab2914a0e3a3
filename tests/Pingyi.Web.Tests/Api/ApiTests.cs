using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Api;

public abstract class ApiTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Organisations_and_members_are_created_and_read()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var created = await client.Http.PostAsJsonAsync("/api/organizations",
            new { parentId = app.UnitAId, code = "api-zb", name = "接口党支部", kind = 4, unitType = 0 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        Assert.Equal("API-ZB", org!["code"].GetString());
        Assert.Equal("党支部", org["kindName"].GetString());
        var id = org["id"].GetInt32();

        var member = await client.Http.PostAsJsonAsync("/api/members", new { organizationId = id, name = "接口人员", role = 3, gender = 1 });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        var list = await client.Http.GetFromJsonAsync<List<Dictionary<string, System.Text.Json.JsonElement>>>($"/api/organizations/{id}/members");
        Assert.Equal("接口人员", Assert.Single(list!)["name"].GetString());
    }

    [Fact]
    public async Task Invalid_requests_get_a_chinese_problem_and_store_nothing()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var count = await app.WithDbAsync(db => db.Organizations.CountAsync());

        var invalid = await client.Http.PostAsJsonAsync("/api/organizations", new { parentId = app.UnitAId, code = "<x>", name = "坏编码", kind = 4 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("组织编码只能由字母", await invalid.Content.ReadAsStringAsync());

        var malformed = await client.Http.PostAsync("/api/organizations", new StringContent("{\"parentId\": \"'; DROP TABLE", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var body = await malformed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);

        var huge = await client.Http.PostAsJsonAsync("/api/organizations", new { parentId = app.UnitAId, code = "HUGE", name = new string('名', 5000), kind = 4 });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("不能超过100个字符", await huge.Content.ReadAsStringAsync());

        Assert.Equal(count, await app.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Errors_without_a_body_answer_as_a_chinese_problem_not_an_html_page()
    {
        using var anonymous = app.CreateClient();
        var unauthorised = await anonymous.Http.GetAsync("/api/organizations");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal("application/problem+json", unauthorised.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请先登录", await unauthorised.Content.ReadAsStringAsync());

        using var client = await app.SignInAsync(AppFixture.AdminA);
        var missing = await client.Http.GetAsync($"/api/organizations/{app.UnitBId}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("不在您的管理范围内", await missing.Content.ReadAsStringAsync());

        var page = await client.Http.GetAsync("/Organizations/Details/999999");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_refused_post_with_a_field_named_code_keeps_its_status()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var response = await client.Http.PostAsync("/Organizations/Create",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "abc" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var doc = await client.GetHtmlAsync("/api/openapi/v1.json");
        Assert.Contains("/api/organizations", doc);
        Assert.Contains("/api/members", doc);
    }
}

public sealed class SqliteApiTests(SqliteAppFixture app) : ApiTests<SqliteAppFixture>(app);

public sealed class PostgresApiTests(PostgresAppFixture app) : ApiTests<PostgresAppFixture>(app);
