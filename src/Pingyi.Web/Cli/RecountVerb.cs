using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Cli;

/// <summary>
/// <c>recount --campaign N</c>: rebuilds one campaign's running result aggregates from its
/// ballots (<see cref="ResultAggregates.RecomputeAsync"/>, ADR 0014), the repair for aggregates
/// that are suspected to have drifted and the full recomputation that bench/ times. It prints the
/// seconds of the recount itself (not the process start) and is audited in the recount's own
/// transaction, so a recount either happened and is recorded, or neither.
/// </summary>
public static class RecountVerb
{
    public const string Usage = "用法：recount --campaign 评议活动编号";

    public static async Task<int> RunAsync(IServiceProvider sp, string? campaignArgument, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(campaignArgument))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!int.TryParse(campaignArgument, NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId) || campaignId <= 0)
        {
            await error.WriteLineAsync($"评议活动编号应为正整数，收到的是“{campaignArgument}”。{Usage}");
            return 2;
        }
        var db = sp.GetRequiredService<AppDbContext>();
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync();
        if (campaign is null)
        {
            await error.WriteLineAsync($"没有编号为 {campaignId} 的评议活动，没有重新统计任何数据。");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await ResultAggregates.RecomputeAsync(db, campaign.Id);
            sp.GetRequiredService<AuditLog>().Add(AuditActions.ResultsRecount, AuditOutcome.Success, "Campaign",
                campaign.Id.ToString(CultureInfo.InvariantCulture), "命令行重新统计评议结果", actor: "cli");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var ballots = await db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaign.Id).SumAsync(r => r.Ballots);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"已重新统计评议活动 {campaign.Id}（{campaign.Name}）：计入 {ballots} 张测评票，用时 {seconds:F3} 秒。"));
        return 0;
    }
}
