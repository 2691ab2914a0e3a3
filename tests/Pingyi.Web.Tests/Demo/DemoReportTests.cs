using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Reports;
using Pingyi.Web.Demo;
using Pingyi.Web.Tests.Infrastructure;
using Pingyi.Web.Tests.Reports.Writing;
using Wp = DocumentFormat.OpenXml.Wordprocessing;

namespace Pingyi.Web.Tests.Demo;

/// <summary>The demo's data make a complete summary report: every section speaks of real figures, every table and chart is there.</summary>
public abstract class DemoReportTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<TestClient> DemoAdminAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var login = await DemoData.EnsureAsync(scope.ServiceProvider);
        var client = app.CreateClient();
        await client.SignInAsync(login.UserName, login.Password);
        return client;
    }

    private static async Task<(DocxReader Reader, string Text)> DocxAsync(TestClient client, string query)
    {
        var response = await client.GetAsync($"/Reports/Download?{query}&format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new DocxReader(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(reader.ValidationErrors());
        return (reader, string.Join("\n", reader.Body.Descendants<Wp.Paragraph>().Select(p => p.InnerText)));
    }

    [Fact]
    public async Task This_years_report_is_complete_in_word_and_excel()
    {
        var year = app.Clock.GetUtcNow().Year;
        using var client = await DemoAdminAsync();

        var (reader, text) = await DocxAsync(client, $"year={year}");
        using (reader)
        {
            var paragraphs = reader.Body.Descendants<Wp.Paragraph>().Select(p => p.InnerText).ToList();
            foreach (var (heading, i) in NarrativeTemplates.Sections.Select((s, i) => (s.Heading, i)))
            {
                Assert.Contains(paragraphs, p => p.StartsWith(ChineseNumber(i + 1) + "、" + heading, StringComparison.Ordinal));
            }
            Assert.DoesNotContain("【未知数据", text);
            // This year's member round is still a draft: it has not run, so it is not reported.
            var draft = await app.WithDbAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Draft).Select(c => c.Name).SingleAsync());
            Assert.DoesNotContain(draft, text);
            // Every activity of the seed documents is there with a real figure.
            Assert.Matches("召开评议会[1-9][0-9]*场", text);
            Assert.Matches("发放测评表[1-9][0-9]*份", text);
            Assert.Matches("参与评议人员达[1-9][0-9]*人次", text);
            Assert.Matches("最高满意率[0-9.]+%，最低满意率[0-9.]+%，平均满意率[0-9.]+%", text);
            Assert.Matches("意见和建议[1-9][0-9]*条", text);
            Assert.Matches("查找问题[1-9][0-9]*条", text);
            Assert.Matches("整改措施[1-9][0-9]*条", text);
            Assert.True(reader.Body.Descendants<Wp.Table>().Count() >= 8, "tables");
            Assert.True(reader.Document.MainDocumentPart!.ImageParts.Count() >= 2, "charts");
        }

        var xlsx = await client.GetAsync($"/Reports/Download?year={year}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.True(book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Count() >= 9);
    }

    [Fact]
    public async Task Last_years_report_holds_the_published_round_the_member_grades_and_the_weak_and_model_organisations()
    {
        var year = app.Clock.GetUtcNow().Year - 1;
        using var client = await DemoAdminAsync();
        var (reader, text) = await DocxAsync(client, $"year={year}");
        using (reader)
        {
            Assert.Matches("合格[1-9][0-9]*名", text);
            Assert.Contains("软弱涣散", text);
            Assert.Matches("认定先进典型[1-9][0-9]*个", text);
            var published = await app.WithDbAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Published).Select(c => c.Name).SingleAsync());
            Assert.Contains(published, text);
        }
    }

    private static string ChineseNumber(int n) => "一二三四五六七八九十"[n - 1].ToString();
}

public sealed class SqliteDemoReportTests(SqliteDemoAppFixture app) : DemoReportTests<SqliteDemoAppFixture>(app);

public sealed class PostgresDemoReportTests(PostgresDemoAppFixture app) : DemoReportTests<PostgresDemoAppFixture>(app);
