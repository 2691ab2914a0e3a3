using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Loop.OpinionArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Only the system administrator keeps the category list; names are unique and short; a category is retired, never deleted.</summary>
public abstract class OpinionCategoryTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_system_admin_adds_renames_reorders_and_retires_categories()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var name = $"后勤{Guid.NewGuid():N}"[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Opinions/Categories?handler=Add", [new("Name", name)])).StatusCode);
        var category = await app.WithDbAsync(db => db.OpinionCategories.AsNoTracking().SingleAsync(c => c.Name == name));
        Assert.True(category.IsActive);

        var before = await app.OpinionsSnapshotAsync();
        foreach (var (bad, message) in new[]
        {
            ("服务态度", "类别“服务态度”已存在。"), ("", "请填写类别名称。"), (new string('类', 21), "类别名称不能超过20个字。"), ("坏\u0001名", "控制字符"),
        })
        {
            Assert.Contains(message, await (await sys.PostFormAsync("/Opinions/Categories?handler=Add", [new("Name", bad)])).Content.ReadAsStringAsync());
            Assert.Contains(message, await (await sys.PostFormAsync($"/Opinions/Categories?handler=Rename&id={category.Id}", [new("Name", bad)])).Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await app.OpinionsSnapshotAsync());

        var renamed = name + "保障";
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Opinions/Categories?handler=Rename&id={category.Id}", [new("Name", renamed)])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Opinions/Categories?handler=Move&id={category.Id}&up=true", [])).StatusCode);
        var order = await app.WithDbAsync(db => db.OpinionCategories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.Equal(renamed, order[^2]);

        // Retired while in use: the opinion keeps it, new opinions cannot take it.
        var opinion = await app.AddOpinionAsync(app.UnitAId, "后勤维修慢", change: o => o.CategoryId = category.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Opinions/Categories?handler=Active&id={category.Id}&active=false", [])).StatusCode);
        Assert.False((await app.WithDbAsync(db => db.OpinionCategories.SingleAsync(c => c.Id == category.Id))).IsActive);
        Assert.Equal(category.Id, (await app.OpinionAsync(opinion)).CategoryId);
        Assert.DoesNotContain(renamed, await sys.GetHtmlAsync("/Opinions/New"));
        Assert.DoesNotContain(renamed, await app.CreateClient().GetHtmlAsync("/Suggest"));
        var refused = await sys.PostFormAsync("/Opinions/New", StaffFields(app.UnitAId, "用停用的类别",
            app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), categoryId: I(category.Id)));
        Assert.Contains("请选择有效的意见类别。", await refused.Content.ReadAsStringAsync());
        Assert.Contains($"{renamed}（已停用）", await sys.GetHtmlAsync($"/Opinions/Detail/{opinion}"));
    }

    [Fact]
    public async Task An_organisation_admin_cannot_change_categories()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.OpinionsSnapshotAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Opinions/Categories")).StatusCode);
        var id = await app.WithDbAsync(db => db.OpinionCategories.Select(c => c.Id).FirstAsync());
        var attempts = new[]
        {
            await client.PostFormAsync("/Opinions/Categories?handler=Add", [new("Name", "越权新增")]),
            await client.PostFormAsync($"/Opinions/Categories?handler=Rename&id={id}", [new("Name", "越权改名")]),
            await client.PostFormAsync($"/Opinions/Categories?handler=Active&id={id}&active=false", []),
        };
        Assert.All(attempts, r => Assert.NotEqual("/Opinions/Categories", r.Headers.Location?.OriginalString));
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }
}

public sealed class SqliteOpinionCategoryTests(SqliteAppFixture a) : OpinionCategoryTests<SqliteAppFixture>(a);

public sealed class PostgresOpinionCategoryTests(PostgresAppFixture a) : OpinionCategoryTests<PostgresAppFixture>(a);
