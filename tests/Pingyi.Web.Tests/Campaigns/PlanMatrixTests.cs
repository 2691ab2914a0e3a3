using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;

namespace Pingyi.Web.Tests.Campaigns;

/// <summary>The plan at a glance: every rater group × subject cell is rendered, with its direction and form or empty.</summary>
public abstract partial class PlanMatrixTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [GeneratedRegex("<td class=\"plan-cell[^\"]*\" data-group=\"(\\d+)\" data-subject=\"(\\d+)\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    private async Task<(int Id, List<int> Subjects, List<int> Groups)> CampaignAsync(string code, int hospitals, int covered)
    {
        var district = await app.AddOrganizationAsync(code, $"{code}区卫生局", app.BureauId, OrganizationKind.Bureau, UnitType.Bureau);
        var ids = new List<int>();
        for (var i = 1; i <= hospitals; i++)
        {
            ids.Add((await app.AddOrganizationAsync($"{code}-H{i}", $"{code}第{i}医院", district.Id, type: UnitType.Hospital)).Id);
        }
        var (patients, _) = await app.AddFormAsync(district.Id, "医院群众（患者）满意度测评表");
        var (superior, _) = await app.AddFormAsync(district.Id, "上级评议表");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var id = await sys.CreateViaApiAsync(new
        {
            organizationId = district.Id,
            name = $"{code}矩阵",
            year = app.Today().Year,
            startsOn = Iso(app.Today()),
            endsOn = Iso(app.Today().AddDays(30)),
            subjects = new { organizationIds = ids },
            groups = new[]
            {
                new { kind = "ServiceRecipient", plannedCount = 100, weight = 50 },
                new { kind = "SuperiorOrganization", plannedCount = 10, weight = 30 },
                new { kind = "NpcDeputy", plannedCount = 10, weight = 20 },
            },
            assignments = new[]
            {
                new { groupIndex = 0, direction = "ServiceRecipients", formId = patients, organizationIds = ids },
                new { groupIndex = 1, direction = "TopDown", formId = superior, organizationIds = ids.Take(covered).ToList() },
            },
        });
        var groups = await app.WithDbAsync(db => db.RaterGroups.Where(g => g.CampaignId == id).OrderBy(g => g.Position).Select(g => g.Id).ToListAsync());
        var subjects = await app.WithDbAsync(db => db.CampaignSubjects.Where(s => s.CampaignId == id).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        return (id, subjects, groups);
    }

    private static Dictionary<(int Group, int Subject), string> Cells(string html)
    {
        var cells = new Dictionary<(int, int), string>();
        foreach (Match m in CellPattern().Matches(html))
        {
            Assert.True(cells.TryAdd((int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)), m.Groups[3].Value), "each cell appears once");
        }
        return cells;
    }

    [Theory]
    [InlineData("MX3", 3, 2, "行：评议人类别；列：评议对象")]
    [InlineData("MX30", 30, 10, "行：评议对象；列：评议人类别")]
    public async Task The_matrix_shows_every_group_and_subject_cell(string code, int hospitals, int covered, string orientation)
    {
        var (id, subjects, groups) = await CampaignAsync(code, hospitals, covered);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var html = await sys.GetHtmlAsync($"/Campaigns/Details/{id}");
        Assert.Contains(orientation, html);
        Assert.Contains("class=\"table-wrap plan-wrap\"", html);
        var cells = Cells(html);
        Assert.Equal(groups.Count * subjects.Count, cells.Count);
        foreach (var s in subjects)
        {
            Assert.Contains("服务对象评议", cells[(groups[0], s)]);
            Assert.Contains("医院群众（患者）满意度测… 第1版", cells[(groups[0], s)]);
            Assert.Equal(subjects.IndexOf(s) < covered, cells[(groups[1], s)].Contains("上评下", StringComparison.Ordinal));
            Assert.DoesNotContain("direction", cells[(groups[2], s)]);
            Assert.Contains("—", cells[(groups[2], s)]);
        }
        Assert.Contains($"{code}第{hospitals}医院", html);
        Assert.Contains("权重合计 <strong class=\"weight-ok\">100%</strong>", html);
        Assert.Contains("<li class=\"warning\"><strong>提醒</strong> “人大代表”没有评议任何对象。</li>", html);
        Assert.DoesNotContain("class=\"blocking\"", html);
    }

    [Fact]
    public async Task The_matrix_follows_every_change_of_the_plan()
    {
        var (id, subjects, groups) = await CampaignAsync("MXC", 2, 1);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var form = await app.WithDbAsync(db => db.Assignments.Where(a => a.CampaignId == id).Select(a => a.FormVersion!.FormId).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Campaigns/Assignments/{id}?handler=Save",
            [F("Form.RaterGroupId", groups[2]), F("Form.Direction", "Peer"), F("Form.FormId", form), F("Form.SubjectIds", subjects[1])])).StatusCode);
        var cells = Cells(await sys.GetHtmlAsync($"/Campaigns/Details/{id}"));
        Assert.Contains("同级互评", cells[(groups[2], subjects[1])]);
        Assert.DoesNotContain("同级互评", cells[(groups[2], subjects[0])]);
    }
}

public sealed class SqlitePlanMatrixTests(SqliteAppFixture app) : PlanMatrixTests<SqliteAppFixture>(app);

public sealed class PostgresPlanMatrixTests(PostgresAppFixture app) : PlanMatrixTests<PostgresAppFixture>(app);
