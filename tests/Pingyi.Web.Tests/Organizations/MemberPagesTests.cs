using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Organizations;

public abstract class MemberPagesTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static Dictionary<string, string> Form(string name, int role = 1, string? employeeNo = null, string? position = null) => new()
    {
        ["Form.Name"] = name,
        ["Form.Role"] = role.ToString(),
        ["Form.Gender"] = "2",
        ["Form.Position"] = position ?? "",
        ["Form.EmployeeNo"] = employeeNo ?? "",
    };

    [Fact]
    public async Task An_administrator_adds_lists_and_edits_a_member()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var form = Form("王秀英", 1, "A100", "支部书记");
        form["orgId"] = app.BranchAId.ToString();
        var created = await client.PostFormAsync("/Members/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Name == "王秀英"));
        Assert.Equal(MemberRole.PartyMember, member.Role);
        Assert.Equal(Gender.Female, member.Gender);
        Assert.Contains("王秀英", await client.GetHtmlAsync($"/Members?orgId={app.UnitAId}"));
        Assert.Contains("王秀英", await client.GetHtmlAsync("/Members?q=%E7%8E%8B%E7%A7%80"));

        var edit = Form("王秀英", 2, "A100", "副院长");
        edit["OrganizationId"] = app.UnitAId.ToString();
        edit["IsActive"] = "false";
        var edited = await client.PostFormAsync($"/Members/Edit/{member.Id}", edit);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id));
        Assert.Equal((MemberRole.Cadre, "副院长", app.UnitAId, false), (after.Role, after.Position, after.OrganizationId, after.IsActive));
    }

    [Fact]
    public async Task A_duplicate_employee_number_in_one_organisation_is_refused()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var form = Form("重复工号", 3, "A001");
        form["orgId"] = app.BranchAId.ToString();
        var response = await client.PostFormAsync("/Members/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("工号“A001”在该组织中已存在", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "重复工号")));
    }

    [Theory]
    [InlineData("", "姓名不能为空")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "姓名不能超过50个字符")]
    public async Task Bad_member_input_is_refused(string name, string message)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var count = await app.WithDbAsync(db => db.Members.CountAsync());
        var form = Form(name);
        form["orgId"] = app.BranchAId.ToString();
        var response = await client.PostFormAsync("/Members/Create", form);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await app.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task A_deactivated_organisation_takes_no_new_members()
    {
        var closed = await app.AddOrganizationAsync("UA-OLD", "已撤销科室", app.UnitAId);
        await app.WithDbAsync(async db =>
        {
            (await db.Organizations.SingleAsync(o => o.Id == closed.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var form = Form("不应新增");
        form["orgId"] = closed.Id.ToString();
        var response = await client.PostFormAsync("/Members/Create", form);
        Assert.Contains("该组织已停用", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteMemberPagesTests(SqliteAppFixture app) : MemberPagesTests<SqliteAppFixture>(app);

public sealed class PostgresMemberPagesTests(PostgresAppFixture app) : MemberPagesTests<PostgresAppFixture>(app);
