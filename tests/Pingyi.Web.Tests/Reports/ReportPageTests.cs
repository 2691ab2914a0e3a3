using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Features.Reports;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Reports;

/// <summary>
/// The report page: preview, section editing (validation, hostile text, neighbours) and the
/// download of each registered format.
/// </summary>
public abstract class ReportPageTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    private Task<string> NarrativesAsync() =>
        app.WithDbAsync(async db => string.Join("|", await db.ReportNarratives.OrderBy(n => n.Id).Select(n => n.ScopeKey + ":" + n.SectionKey + ":" + n.Text).ToListAsync()));

    private Task<int> DeniedAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied));

    [Fact]
    public async Task The_page_previews_the_numbered_report_with_tables_charts_and_sources()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var html = await sys.GetHtmlAsync($"/Reports?organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}");

        Assert.Contains($"{hospital.Name}{hospital.CampaignName}工作总结", html, StringComparison.Ordinal);
        Assert.Contains("一、基本情况", html, StringComparison.Ordinal);
        Assert.Contains("七、下一步工作", html, StringComparison.Ordinal);
        Assert.Contains("发放测评表50份", html, StringComparison.Ordinal);
        Assert.Contains("平均满意率95.5%", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Results/{hospital.CampaignId}\"", html, StringComparison.Ordinal);
        Assert.Contains("{发放测评表}", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"text-basic\"", html, StringComparison.Ordinal);
        var query = $"organizationId={hospital.HospitalId}&amp;campaignId={hospital.CampaignId}";
        Assert.Contains($"href=\"/Reports/Download?{query}&amp;format=docx\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Reports/Download?{query}&amp;format=xlsx\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_administrator_gets_their_own_years_report_by_default()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        var html = await admin.GetHtmlAsync("/Reports");

        Assert.Contains($"甲医院{app.Today().Year}年度群众评议工作总结", html, StringComparison.Ordinal);
        Assert.DoesNotContain("乙医院", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neighbours_organisation_or_campaign_answers_404_on_every_handler_and_changes_nothing()
    {
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var before = await NarrativesAsync();
        var denied = await DeniedAsync();
        string[] queries = [$"organizationId={app.UnitBId}", $"campaignId={neighbour.CampaignId}", $"organizationId={neighbour.HospitalId}&campaignId={neighbour.CampaignId}"];

        foreach (var q in queries)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports?{q}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports/Download?{q}&format=docx")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await admin.PostFormAsync($"/Reports?handler=Save&{q}", [F("Section", "basic"), F("Text", "改写{参评人次}")])).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/Reports?handler=Reset&{q}", [F("Section", "basic")])).StatusCode);
        }

        Assert.Equal(before, await NarrativesAsync());
        Assert.True(await DeniedAsync() >= denied + (queries.Length * 4));
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_typed_and_shown_inert()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var query = $"organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}";
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>共{发放测评表}份";

        var saved = await sys.PostFormAsync($"/Reports?handler=Save&{query}", [F("Section", "opinions"), F("Text", hostile)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var html = await sys.GetHtmlAsync($"/Reports?{query}");
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;共50份", html, StringComparison.Ordinal);
        Assert.Contains("（已修改）", html, StringComparison.Ordinal);
        Assert.Contains($"o{hospital.HospitalId}/c{hospital.CampaignId}:opinions:{hostile}", await NarrativesAsync(), StringComparison.Ordinal);
        var document = (await app.BuildAsync(hospital.HospitalId, hospital.CampaignId))!.Document;
        Assert.Equal(["<script>alert(1)</script><img src=x onerror=alert(2)>共50份"], document.Sections.Single(s => s.Key == "opinions").Paragraphs);
    }

    [Theory]
    [InlineData("basic", "满意度达{满意度}", "文字中有未知的数据占位符：{满意度}。")]
    [InlineData("basic", "   ", "请填写本节文字")]
    [InlineData("nosuch", "文字", "没有这一节")]
    [InlineData("", "文字", "没有这一节")]
    public async Task Wording_that_cannot_be_saved_is_refused_in_Chinese_and_nothing_is_stored(string section, string text, string message)
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var before = await NarrativesAsync();

        var response = await sys.PostFormAsync($"/Reports?handler=Save&organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}",
            [F("Section", section), F("Text", text)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await NarrativesAsync());
    }

    [Fact]
    public async Task Over_long_wording_is_refused_and_shown_again_as_typed()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var before = await NarrativesAsync();
        var text = "长" + new string('字', 4000);

        var response = await sys.PostFormAsync($"/Reports?handler=Save&organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}",
            [F("Section", "next"), F("Text", text)]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("本节文字不能超过4000个字符（现有4001个）。", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Equal(before, await NarrativesAsync());
    }

    [Theory]
    [InlineData("campaignId=abc", "填写的内容格式不正确，请检查后重试。")]
    [InlineData("organizationId=1e9", "填写的内容格式不正确，请检查后重试。")]
    [InlineData("year=1999", "年份应为2000至2100之间的整数。")]
    [InlineData("year=99999999999", "填写的内容格式不正确，请检查后重试。")]
    public async Task Malformed_choices_get_a_Chinese_message(string query, string message)
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var before = await NarrativesAsync();

        var html = await sys.GetHtmlAsync($"/Reports?{query}");
        var post = await sys.PostFormAsync($"/Reports?handler=Save&{query}", [F("Section", "basic"), F("Text", "文字")]);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(message, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await NarrativesAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await sys.GetAsync($"/Reports/Download?{query}&format=txt")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_answers_404()
    {
        var hospital = await app.SeedHospitalAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        foreach (var format in new[] { "docx-nope", "", "../x", "TXT" })
        {
            var response = await sys.GetAsync($"/Reports/Download?organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}&format={Uri.EscapeDataString(format)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Each_registered_writer_gets_a_download_button_and_writes_the_report()
    {
        var hospital = await app.SeedHospitalAsync();
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);
        using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IReportWriter, TextReportWriter>()));
        using var sys = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await sys.SignInAsync(AppFixture.SystemAdmin, app.Password);
        var query = $"organizationId={hospital.HospitalId}&campaignId={hospital.CampaignId}";
        var generated = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReportGenerate));

        var html = await sys.GetHtmlAsync($"/Reports?{query}");
        var response = await sys.GetAsync($"/Reports/Download?{query}&format=txt");

        Assert.Contains($"href=\"/Reports/Download?organizationId={hospital.HospitalId}&amp;campaignId={hospital.CampaignId}&amp;format=txt\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{hospital.Name}{hospital.CampaignName}工作总结.txt", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("最高满意率98%", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(generated + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReportGenerate)));

        using var admin = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await admin.SignInAsync(AppFixture.AdminA, app.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports/Download?campaignId={neighbour.CampaignId}&format=txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports/Download?organizationId={app.UnitBId}&format=txt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Reports/Download?format=txt")).StatusCode);
    }

    [Fact]
    public async Task The_page_needs_an_administrator()
    {
        using var anonymous = app.CreateClient();
        using var auditor = await app.SignInAsync(AppFixture.Auditor);

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Reports/Download?format=docx")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/Reports")).StatusCode);
    }
}

public sealed class SqliteReportPageTests(SqliteAppFixture a) : ReportPageTests<SqliteAppFixture>(a);

public sealed class PostgresReportPageTests(PostgresAppFixture a) : ReportPageTests<PostgresAppFixture>(a);
