using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Reports;

/// <summary>
/// The acceptance case of Step 7: the seed hospital's figures, built from data, come out of the
/// report's sentences exactly as the source document writes them.
/// </summary>
public abstract class SeedHospitalReportTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_seed_hospitals_report_says_what_the_source_document_says()
    {
        var hospital = await app.SeedHospitalAsync();

        var report = await app.BuildAsync(hospital.HospitalId, hospital.CampaignId);

        var text = report!.Document.Paragraphs();
        foreach (var expected in new[] { "召开评议会1场", "发放测评表50份", "回收测评表50份", "参与评议人员达53人次", "最高满意率98%", "最低满意率93%",
                     "平均满意率95.5%", "查找问题4条", "整改措施4条", "意见和建议0条", "按期完成率100%" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("未知数据", text, StringComparison.Ordinal);
        Assert.Equal($"{hospital.Name}{hospital.CampaignName}工作总结", report.Document.Title);
        Assert.Equal(hospital.Name, report.Document.Issuer);
    }

    [Fact]
    public async Task The_tables_charts_and_sources_carry_the_same_figures()
    {
        var hospital = await app.SeedHospitalAsync();

        var d = (await app.BuildAsync(hospital.HospitalId, hospital.CampaignId))!.Document;

        Assert.Equal(["辖区党委1", "98.0%"], d.Table("各评议对象满意率").Rows[0].Take(2));
        Assert.Equal(["院办", "93.0%"], d.Table("各评议对象满意率").Rows[1].Take(2));
        Assert.Contains(d.Table("评议会议与测评表").Rows, r => r.SequenceEqual(["发放测评表（份）", "50"]));
        Assert.Contains(d.Table("问题与整改措施").Rows, r => r.SequenceEqual(["查找问题（条）", "4"]));
        Assert.Equal(["党员", "100"], d.Table("按评议人群体测评票").Rows.Single());
        var chart = d.Sections.Single(s => s.Key == "results").Charts.Single();
        Assert.Equal([98.0, 93.0], chart.Bars.Select(b => b.Value));
        Assert.All(chart.Bars, b => Assert.True(b.Low < b.Value && b.Value < b.High));
        Assert.Contains(d.Sources, s => s.Figure == "最高满意率" && s.Value == "98%" && s.Page == $"/Results/{hospital.CampaignId}");
        Assert.Contains(d.Sources, s => s.Figure == "发放测评表" && s.Value == "50" && s.Page == $"/Meetings/Counts/{hospital.CampaignId}");
        Assert.Contains(d.Sources, s => s.Figure == "查找问题条数" && s.Value == "4"
            && s.Page == $"/Oversight/Figures?organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}");
        var sheets = d.Sections.SelectMany(s => s.Tables).Select(t => t.SheetName).ToList();
        Assert.Equal(sheets.Count, sheets.Distinct().Count());
        Assert.All(sheets, s => Assert.InRange(s.Length, 1, 31));
    }
}

public sealed class SqliteSeedHospitalReportTests(SqliteAppFixture a) : SeedHospitalReportTests<SqliteAppFixture>(a);

public sealed class PostgresSeedHospitalReportTests(PostgresAppFixture a) : SeedHospitalReportTests<PostgresAppFixture>(a);
