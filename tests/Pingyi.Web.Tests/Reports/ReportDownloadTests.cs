using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Web.Cli;
using Pingyi.Web.Tests.Infrastructure;
using Pingyi.Web.Tests.Reports.Writing;

namespace Pingyi.Web.Tests.Reports;

/// <summary>
/// The registered Word and Excel writers behind the page's download and the <c>report</c> command:
/// the seed hospital's .docx says what the source document says, read back with OpenXml.
/// </summary>
public abstract class ReportDownloadTests<TFixture>(TFixture app) : IClassFixture<TFixture>, IDisposable where TFixture : AppFixture
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] SeedSentences = ["发放测评表50份", "最高满意率98%", "最低满意率93%", "平均满意率95.5%", "查找问题4条", "整改措施4条"];

    private readonly string _out = Path.Combine(Path.GetTempPath(), $"pingyi-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private static string BodyText(byte[] docx)
    {
        using var reader = new DocxReader(docx);
        Assert.Empty(reader.ValidationErrors());
        return string.Join("\n", reader.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static List<string> SheetNames(byte[] xlsx)
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return [.. book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    [Fact]
    public async Task The_downloaded_docx_of_the_seed_hospital_says_what_the_source_document_says()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var response = await sys.GetAsync($"/Reports/Download?organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}&format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{hospital.Name}{hospital.CampaignName}工作总结.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var text = BodyText(await response.Content.ReadAsByteArrayAsync());
        Assert.All(SeedSentences, s => Assert.Contains(s, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_downloaded_workbook_has_a_sheet_per_table()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var response = await sys.GetAsync($"/Reports/Download?organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        var sheets = SheetNames(await response.Content.ReadAsByteArrayAsync());
        var tables = (await app.BuildAsync(hospital.HospitalId, hospital.CampaignId))!.Document.Sections.SelectMany(s => s.Tables).Select(t => t.SheetName);
        Assert.Subset(sheets.ToHashSet(), tables.ToHashSet());
    }

    [Fact]
    public async Task A_neighbours_report_cannot_be_downloaded_in_any_format()
    {
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        foreach (var format in new[] { "docx", "xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports/Download?campaignId={neighbour.CampaignId}&format={format}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports/Download?organizationId={neighbour.HospitalId}&format={format}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Reports/Download?format={format}")).StatusCode);
        }
    }

    [Fact]
    public async Task The_command_writes_a_real_docx_and_xlsx()
    {
        var hospital = await app.SeedHospitalAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await ReportVerb.RunAsync(scope.ServiceProvider,
            new ReportOptions(hospital.CampaignId.ToString(CultureInfo.InvariantCulture), null, null, "all", _out), output, error);

        Assert.Equal((0, ""), (exit, error.ToString()));
        var files = Directory.GetFiles(_out).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal([".docx", ".xlsx"], files.Select(Path.GetExtension));
        var text = BodyText(await File.ReadAllBytesAsync(files[0]));
        Assert.All(SeedSentences, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.Contains("各评议对象满意率", SheetNames(await File.ReadAllBytesAsync(files[1])));
    }
}

public sealed class SqliteReportDownloadTests(SqliteAppFixture a) : ReportDownloadTests<SqliteAppFixture>(a);

public sealed class PostgresReportDownloadTests(PostgresAppFixture a) : ReportDownloadTests<PostgresAppFixture>(a);
