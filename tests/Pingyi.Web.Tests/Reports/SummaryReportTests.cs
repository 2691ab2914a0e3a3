using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Reports;

/// <summary>
/// The report's figures over a year and a subtree: a year adds its campaigns up, an administrator's
/// report holds nothing of a neighbour, and a saved wording changes the words but never a figure.
/// </summary>
public abstract class SummaryReportTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task A_year_report_adds_up_the_campaigns_of_the_year()
    {
        var first = await app.SeedHospitalAsync();
        var second = await app.SeedHospitalAsync(hospitalId: first.HospitalId);
        var year = app.Today().Year;

        var report = (await app.BuildAsync(first.HospitalId, null, year))!;

        var text = report.Document.Paragraphs();
        foreach (var expected in new[] { "召开评议会2场", "发放测评表100份", "参与评议人员达106人次", "最高满意率98%", "最低满意率93%", "平均满意率95.5%",
                     "合计满意率94.7%", "查找问题8条", "整改措施8条", $"开展{year}年度群众评议工作" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.Equal($"{first.Name}{year}年度群众评议工作总结", report.Document.Title);
        Assert.Equal([first.CampaignId, second.CampaignId], report.Figures.Campaigns.Select(c => c.Id));
        Assert.Equal(4, report.Figures.Units.Count);
        Assert.Equal(["党员", "200"], report.Document.Table("按评议人群体测评票").Rows.Single());
        Assert.Equal(second.CampaignName, report.Document.Table("各评议对象满意率").Rows[^1][0]);
        Assert.Contains(report.Document.Sources, s => s.Figure == "平均满意率" && s.Page == $"/Results/{first.CampaignId}");
        Assert.Contains(report.Document.Sources, s => s.Figure == "平均满意率" && s.Page == $"/Results/{second.CampaignId}");
        Assert.Equal($"o{first.HospitalId}/y{year}", report.Target.Info.Key);
    }

    [Fact]
    public async Task An_administrators_report_holds_nothing_of_a_neighbours_subtree()
    {
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);
        var own = await app.SeedHospitalAsync(parentId: app.UnitAId);
        var year = app.Today().Year;

        var mine = (await app.BuildAsync(null, null, year, orgAdminOf: app.UnitAId))!;
        var everything = (await app.BuildAsync(null, null, year))!;

        Assert.Equal($"o{app.UnitAId}/y{year}", mine.Target.Info.Key);
        Assert.Equal("甲医院", mine.Document.Issuer);
        Assert.Contains(own.CampaignName, mine.Document.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.CampaignName, mine.Document.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Name, mine.Document.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(mine.Figures.Campaigns, c => c.Id == neighbour.CampaignId);
        // The same data seen from the whole tree does hold the neighbour: the check above can fail.
        Assert.Contains(neighbour.CampaignName, everything.Document.AllText(), StringComparison.Ordinal);
        Assert.Equal($"all/y{year}", everything.Target.Info.Key);
        Assert.True(everything.Figures.Meetings.Issued >= mine.Figures.Meetings.Issued + SeedHospitalCase.Forms);
    }

    [Fact]
    public async Task A_neighbours_organisation_or_campaign_is_refused_and_audited()
    {
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);
        var denied = await DeniedAsync();

        Assert.Null(await app.BuildAsync(app.UnitBId, null, app.Today().Year, orgAdminOf: app.UnitAId));
        Assert.Null(await app.BuildAsync(null, neighbour.CampaignId, orgAdminOf: app.UnitAId));
        Assert.Null(await app.BuildAsync(app.UnitAId, neighbour.CampaignId, orgAdminOf: app.UnitAId));
        // A campaign outside the chosen subtree is refused even to the system administrator.
        Assert.Null(await app.BuildAsync(app.UnitAId, neighbour.CampaignId));

        Assert.Equal(denied + 4, await DeniedAsync());
    }

    [Fact]
    public async Task A_saved_wording_changes_the_words_and_the_figures_stay_data_driven()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var query = $"organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}";

        var saved = await sys.PostFormAsync($"/Reports?handler=Save&{query}", [new("Section", "basic"), new("Text", "本院共发放测评表{发放测评表}份。\r\n第二段{参评人次}。")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var before = (await app.BuildAsync(hospital.HospitalId, hospital.CampaignId))!.Document.Sections.Single(s => s.Key == "basic");
        Assert.Equal(["本院共发放测评表50份。", "第二段53。"], before.Paragraphs);
        await app.WithDbAsync(async db =>
        {
            var m = new Meeting
            {
                CampaignId = hospital.CampaignId,
                HostOrganizationId = hospital.HospitalId,
                Kind = MeetingKind.Forum,
                Title = "座谈会",
                HeldOn = app.Today(),
                Place = "会议室",
                Attendance = 10,
                FormsIssued = 10,
                FormsReturned = 0,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
        });
        var after = (await app.BuildAsync(hospital.HospitalId, hospital.CampaignId))!.Document.Sections.Single(s => s.Key == "basic");
        Assert.Equal(["本院共发放测评表60份。", "第二段63。"], after.Paragraphs);
        var row = await app.WithDbAsync(db => db.ReportNarratives.SingleAsync(n => n.ScopeKey == $"o{hospital.HospitalId}/c{hospital.CampaignId}"));
        Assert.Equal(("basic", "本院共发放测评表{发放测评表}份。\n第二段{参评人次}。", AppFixture.SystemAdmin, hospital.HospitalId),
            (row.SectionKey, row.Text, row.UpdatedBy, row.OrganizationId));

        var reset = await sys.PostFormAsync($"/Reports?handler=Reset&{query}", [new("Section", "basic")]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, reset.StatusCode);
        var restored = (await app.BuildAsync(hospital.HospitalId, hospital.CampaignId))!.Document;
        Assert.Contains("发放测评表60份", restored.Paragraphs(), StringComparison.Ordinal);
        Assert.DoesNotContain("本院共发放", restored.Paragraphs(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ReportNarratives.AnyAsync(n => n.ScopeKey == $"o{hospital.HospitalId}/c{hospital.CampaignId}")));
    }

    [Fact]
    public async Task A_deactivated_organisation_has_no_report()
    {
        var hospital = await app.SeedHospitalAsync();
        Assert.NotNull(await app.BuildAsync(hospital.HospitalId, hospital.CampaignId));
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == hospital.HospitalId).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsActive, false)));

        Assert.Null(await app.BuildAsync(hospital.HospitalId, null, app.Today().Year));
        Assert.Null(await app.BuildAsync(hospital.HospitalId, hospital.CampaignId));
    }

    private Task<int> DeniedAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == Pingyi.Domain.Auditing.AuditActions.Denied));
}

public sealed class SqliteSummaryReportTests(SqliteAppFixture a) : SummaryReportTests<SqliteAppFixture>(a);

public sealed class PostgresSummaryReportTests(PostgresAppFixture a) : SummaryReportTests<PostgresAppFixture>(a);
