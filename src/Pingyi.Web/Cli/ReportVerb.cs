using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Reports;

namespace Pingyi.Web.Cli;

/// <summary>The options of <c>report</c> as typed; each is null when not given.</summary>
public sealed record ReportOptions(string? Campaign, string? Year, string? Org, string? Format, string? Out);

/// <summary>
/// <c>report --campaign N | --year YYYY [--org CODE] [--format docx|xlsx|all] [--out DIR]</c>: the
/// summary report of the page, written by every registered writer (or the one asked for) as the
/// system administrator over the organisation's subtree (the whole tree without --org). Every
/// argument is checked before anything is written: exit 2 for a malformed command, 1 for an
/// unknown campaign or organisation or when no writer is installed.
/// </summary>
public static class ReportVerb
{
    public const string Usage = "用法：report --campaign 评议活动编号 | --year 年份 [--org 组织编码] [--format docx|xlsx|all] [--out 输出目录]";

    public static async Task<int> RunAsync(IServiceProvider sp, ReportOptions options, TextWriter output, TextWriter error)
    {
        if ((options.Campaign is null) == (options.Year is null))
        {
            await error.WriteLineAsync($"请指定 --campaign 或 --year 其中之一。{Usage}");
            return 2;
        }
        int? campaignId = null;
        var year = 0;
        if (options.Campaign is { } c)
        {
            if (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                await error.WriteLineAsync($"评议活动编号应为正整数，收到的是“{c}”。{Usage}");
                return 2;
            }
            campaignId = id;
        }
        else if (!int.TryParse(options.Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || !ReportTargets.IsValidYear(year))
        {
            await error.WriteLineAsync($"年份应为{ReportTargets.MinYear}至{ReportTargets.MaxYear}之间的整数，收到的是“{options.Year}”。");
            return 2;
        }
        var registered = sp.GetServices<IReportWriter>().ToList();
        if (registered.Count == 0)
        {
            await error.WriteLineAsync("没有可用的报告格式（尚未安装 Word 或 Excel 输出），没有生成任何文件。");
            return 1;
        }
        var format = options.Format ?? "all";
        var writers = format == "all" ? registered : registered.Where(w => w.Format == format).ToList();
        if (writers.Count == 0)
        {
            await error.WriteLineAsync($"不支持的格式：{format}。可选：{string.Join("、", registered.Select(w => w.Format))}、all。");
            return 2;
        }

        CliOperator.SignIn(sp);
        int? organizationId = null;
        if (options.Org is { } org)
        {
            var code = org.Trim().ToUpperInvariant();
            organizationId = await sp.GetRequiredService<AppDbContext>().Organizations.AsNoTracking()
                .Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync();
            if (organizationId is null)
            {
                await error.WriteLineAsync($"没有编码为“{org}”的组织，没有生成任何文件。");
                return 1;
            }
        }
        var target = await sp.GetRequiredService<ReportTargets>().ResolveAsync(organizationId, campaignId, year);
        if (target is null)
        {
            await error.WriteLineAsync(options.Org is null
                ? $"没有编号为 {campaignId} 的评议活动，没有生成任何文件。"
                : $"没有编号为 {campaignId} 的评议活动，或该活动不涉及组织“{options.Org}”，没有生成任何文件。");
            return 1;
        }

        var directory = Path.GetFullPath(options.Out ?? ".");
        var commands = sp.GetRequiredService<ReportCommands>();
        var report = await commands.BuildAsync(target);
        var files = writers.Select(w => (Writer: w, Path: Path.Combine(directory, ReportFiles.NameOf(report.Document, w)), Bytes: w.Write(report.Document))).ToList();
        Directory.CreateDirectory(directory);
        foreach (var file in files)
        {
            await File.WriteAllBytesAsync(file.Path, file.Bytes);
            await commands.AuditGeneratedAsync(report, file.Writer.Format, CliOperator.Name);
            await output.WriteLineAsync($"已生成：{file.Path}");
        }
        return 0;
    }
}
