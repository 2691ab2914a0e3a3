using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Demo;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Demo;

public abstract class DemoTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_demo_has_a_bureau_its_units_branches_and_about_two_hundred_members()
    {
        var units = await app.WithDbAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.Unit || o.Kind == OrganizationKind.Department)
            .Select(o => o.UnitType).ToListAsync());
        Assert.True(units.Count >= 8, $"{units.Count} units");
        Assert.Equal(2, units.Count(t => t == UnitType.Hospital));
        Assert.True(units.Count(t => t == UnitType.TownshipHospital) >= 2);
        Assert.Contains(UnitType.Cdc, units);
        Assert.Contains(UnitType.BureauOffice, units);
        Assert.True(await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Branch)) >= 8);
        Assert.True(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.PartyCommittee && o.Name == "市卫生局党委")));
        var members = await app.WithDbAsync(db => db.Members.CountAsync());
        Assert.InRange(members, 180, 240);
    }

    [Fact]
    public async Task The_printed_demo_login_signs_in_and_the_tree_shows_the_bureau()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var login = await DemoData.EnsureAsync(scope.ServiceProvider);
        using var client = app.CreateClient();
        await client.SignInAsync(login.UserName, login.Password);
        var tree = await client.GetHtmlAsync("/Organizations");
        Assert.Contains("市卫生局", tree);
        Assert.Contains("市第一人民医院", tree);
        Assert.Contains("城关镇卫生院党支部", tree);
    }

    [Fact]
    public async Task Starting_the_demo_again_adds_nothing()
    {
        var before = await app.WithDbAsync(async db => (await db.Organizations.CountAsync(), await db.Campaigns.CountAsync(), await db.Forms.CountAsync()));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await DemoData.EnsureAsync(scope.ServiceProvider);
        Assert.Equal(before, await app.WithDbAsync(async db => (await db.Organizations.CountAsync(), await db.Campaigns.CountAsync(), await db.Forms.CountAsync())));
    }

    [Fact]
    public async Task The_demo_has_last_years_closed_campaign_this_years_open_one_and_a_draft()
    {
        var year = app.Clock.GetUtcNow().Year;
        var campaigns = await app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.Id)
            .Select(c => new { c.Name, c.Year, c.State, Forms = c.Assignments.Select(a => a.FormVersion!.FrozenUtc).ToList() }).ToListAsync());
        Assert.Collection(campaigns,
            c => Assert.Equal((year - 1, CampaignState.Closed), (c.Year, c.State)),
            c => Assert.Equal((year, CampaignState.Open), (c.Year, c.State)),
            c => Assert.Equal((year, CampaignState.Draft), (c.Year, c.State)));
        Assert.All(campaigns.Take(2).SelectMany(c => c.Forms), f => Assert.NotNull(f));
        var templates = await app.WithDbAsync(db => db.Forms.Select(f => f.TemplateKey).ToListAsync());
        Assert.Equal(Pingyi.Domain.Forms.BuiltInTemplates.All.Select(t => t.Key).Order(), templates.Order());
    }

    [Fact]
    public async Task Every_demo_campaign_plan_is_complete()
    {
        var plans = await app.WithDbAsync(db => db.Campaigns
            .Include(c => c.Organization)
            .Include(c => c.Subjects).ThenInclude(s => s.Organization)
            .Include(c => c.Subjects).ThenInclude(s => s.Member).ThenInclude(m => m!.Organization)
            .Include(c => c.RaterGroups)
            .Include(c => c.Assignments).ThenInclude(a => a.Subjects)
            .Include(c => c.Assignments).ThenInclude(a => a.FormVersion).ThenInclude(v => v!.Sections).ThenInclude(s => s.Items)
            .AsSplitQuery().ToListAsync());
        Assert.Equal(3, plans.Count);
        Assert.All(plans, c => Assert.DoesNotContain(CampaignRules.CheckPlan(c), i => i.Blocking));
        Assert.True(plans[1].Subjects.Count >= 12);
        Assert.Equal(6, plans[1].RaterGroups.Count);
    }
}

public sealed class SqliteDemoTests(SqliteDemoAppFixture app) : DemoTests<SqliteDemoAppFixture>(app);

public sealed class PostgresDemoTests(PostgresDemoAppFixture app) : DemoTests<PostgresDemoAppFixture>(app);
