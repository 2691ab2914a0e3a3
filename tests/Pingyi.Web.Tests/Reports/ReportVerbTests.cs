using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Cli;
using Pingyi.Web.Features.Reports;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Reports;

/// <summary>
/// <c>report --campaign N | --year YYYY [--org CODE] [--format …] [--out DIR]</c>: every argument
/// checked before anything is written (exit 2 malformed, 1 unknown or no writer), then one file
/// per registered writer, audited as "cli".
/// </summary>
public abstract class ReportVerbTests<TFixture>(TFixture app) : IClassFixture<TFixture>, IDisposable where TFixture : AppFixture
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"pingyi-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>The verb as the CLI runs it, with <paramref name="writers"/> standing in for the registered ones.</summary>
    private async Task<(int Exit, string Output, string Error)> RunAsync(ReportOptions options, params IReportWriter[] writers)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await ReportVerb.RunAsync(new WithWriters(scope.ServiceProvider, writers), options with { Out = options.Out ?? _out }, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Written() => Directory.Exists(_out) ? Directory.GetFiles(_out) : [];

    [Theory]
    [InlineData(null, null, null, "请指定 --campaign 或 --year 其中之一。")]
    [InlineData("1", "2026", null, "请指定 --campaign 或 --year 其中之一。")]
    [InlineData("abc", null, null, "评议活动编号应为正整数，收到的是“abc”。")]
    [InlineData("-3", null, null, "评议活动编号应为正整数")]
    [InlineData(null, "1999", null, "年份应为2000至2100之间的整数，收到的是“1999”。")]
    [InlineData(null, "二〇二六", null, "年份应为2000至2100之间的整数")]
    [InlineData(null, "2026", "pdf", "不支持的格式：pdf。可选：txt、all。")]
    public async Task A_malformed_command_exits_2_and_writes_nothing(string? campaign, string? year, string? format, string message)
    {
        var (exit, output, error) = await RunAsync(new ReportOptions(campaign, year, null, format, null), new TextReportWriter());

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(Written());
    }

    [Fact]
    public async Task Unknown_campaigns_and_organisations_exit_1_and_write_nothing()
    {
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);

        var campaign = await RunAsync(new ReportOptions("999999", null, null, null, null), new TextReportWriter());
        var org = await RunAsync(new ReportOptions(null, "2026", "NOSUCH", null, null), new TextReportWriter());
        var outside = await RunAsync(new ReportOptions(I(neighbour.CampaignId), null, "UA", null, null), new TextReportWriter());

        Assert.Equal((1, "没有编号为 999999 的评议活动，没有生成任何文件。"), (campaign.Exit, campaign.Error.Trim()));
        Assert.Equal((1, "没有编码为“NOSUCH”的组织，没有生成任何文件。"), (org.Exit, org.Error.Trim()));
        Assert.Equal((1, $"没有编号为 {neighbour.CampaignId} 的评议活动，或该活动不涉及组织“UA”，没有生成任何文件。"), (outside.Exit, outside.Error.Trim()));
        Assert.Empty(Written());
    }

    [Fact]
    public async Task Without_a_writer_nothing_is_written_and_the_exit_is_1()
    {
        var hospital = await app.SeedHospitalAsync();

        var (exit, _, error) = await RunAsync(new ReportOptions(I(hospital.CampaignId), null, null, null, null));

        Assert.Equal(1, exit);
        Assert.Contains("没有可用的报告格式", error, StringComparison.Ordinal);
        Assert.Empty(Written());
    }

    [Fact]
    public async Task A_campaign_report_is_written_once_per_writer_and_audited()
    {
        var hospital = await app.SeedHospitalAsync();
        var code = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == hospital.HospitalId).Select(o => o.Code).SingleAsync());
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReportGenerate && e.Actor == CliOperator.Name));

        var (exit, output, error) = await RunAsync(new ReportOptions(I(hospital.CampaignId), null, code.ToLowerInvariant(), "all", null), new TextReportWriter());

        Assert.Equal((0, ""), (exit, error));
        var file = Assert.Single(Written());
        Assert.Equal($"{hospital.Name}{hospital.CampaignName}工作总结.txt", Path.GetFileName(file));
        Assert.Contains($"已生成：{file}", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("发放测评表50份", text, StringComparison.Ordinal);
        Assert.Contains("平均满意率95.5%", text, StringComparison.Ordinal);
        Assert.Equal(audits + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReportGenerate && e.Actor == CliOperator.Name)));
    }

    [Fact]
    public async Task A_year_report_of_an_organisation_covers_its_subtree()
    {
        var hospital = await app.SeedHospitalAsync(parentId: app.UnitAId);
        var neighbour = await app.SeedHospitalAsync(parentId: app.UnitBId);
        var year = app.Today().Year;

        var (exit, _, error) = await RunAsync(new ReportOptions(null, I(year), "UA", "txt", null), new TextReportWriter());

        Assert.Equal((0, ""), (exit, error));
        var text = await File.ReadAllTextAsync(Assert.Single(Written()));
        Assert.StartsWith($"甲医院{year}年度群众评议工作总结", text, StringComparison.Ordinal);
        Assert.Contains(hospital.CampaignName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.CampaignName, text, StringComparison.Ordinal);
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The app's services with the given writers as the registered ones.</summary>
    private sealed class WithWriters(IServiceProvider inner, IReportWriter[] writers) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IEnumerable<IReportWriter>) ? writers : inner.GetService(serviceType);
    }
}

public sealed class SqliteReportVerbTests(SqliteAppFixture a) : ReportVerbTests<SqliteAppFixture>(a);

public sealed class PostgresReportVerbTests(PostgresAppFixture a) : ReportVerbTests<PostgresAppFixture>(a);

public class ReportVerbArgumentTests
{
    [Fact]
    public void The_host_never_sees_the_report_options_or_their_values()
    {
        string[] args = ["report", "--year", "2026", "--org", "UA", "--format", "all", "--out", "/tmp/out", "--campaign", "3", "--Database:Provider", "Sqlite"];

        Assert.Equal(["--Database:Provider", "Sqlite"], Verbs.HostArguments(args));
        Assert.Equal(Verbs.Report, Verbs.Find(args));
    }
}
