using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Ballots;

/// <summary>A batch as the pages and the API show it, without its (large) encrypted codes.</summary>
public sealed record BatchView(int Id, int CampaignId, int RaterGroupId, string RaterGroupName, int Count, int Generated,
    TokenBatchState State, string CreatedBy, DateTime CreatedUtc, DateTime? PurgedUtc, bool HasCodes)
{
    public bool IsPrintable => State == TokenBatchState.Ready && HasCodes;
}

/// <summary>Codes of one rater group: 已发放 (issued, not void), used, void, unused, and the quota (名额).</summary>
public sealed record GroupCodeCounts(int RaterGroupId, string Name, int Planned, int Issued, int Used, int Void, int Remaining)
{
    /// <summary>How many more codes the quota foresees; never negative, since issuing beyond it is allowed.</summary>
    public int QuotaLeft => Math.Max(0, Planned - Issued);
}

/// <summary>
/// Issues, voids and purges 评议码 for the pages and the API alike. Issuing stores the batch and
/// its audit row, then hands the batch to <see cref="TokenGenerator"/>, which makes the codes in
/// the background. Audit rows name the campaign, group and count, never a code or a token.
/// </summary>
public sealed class TokenIssuer(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock, TokenQueue queue,
    TokenKey key, BatchCodes codes, IHttpContextAccessor http)
{
    public static readonly TimeSpan PlainCodesKeptFor = TimeSpan.FromDays(7);

    public const string CountRule = "生成数量须为1到100000之间的整数。";
    public const string PurgedMessage = "这批评议码的明文已清除，不能再打印或下载；如仍需要，请作废未使用的码并重新生成。";
    public const string GeneratingMessage = "这批评议码还在生成中，请稍候。";
    public const string FailedMessage = "这批评议码没有生成完成（生成过程中服务重新启动或出错），未完成的码已全部删除；请重新生成。";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool AcceptsNewCodes(CampaignState state) => state is CampaignState.Draft or CampaignState.Open;

    public async Task<CommandResult> IssueAsync(int campaignId, int raterGroupId, int count)
    {
        var campaign = await scope.FindCampaignAsync(campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        if (count is < 1 or > TokenBatch.MaxCount)
        {
            return CommandResult.Fail(CountRule);
        }
        if (!AcceptsNewCodes(campaign.State))
        {
            return CommandResult.Fail($"评议活动{CampaignLabels.Of(campaign.State)}，不能再生成评议码。");
        }
        var group = await db.RaterGroups.FirstOrDefaultAsync(g => g.Id == raterGroupId && g.CampaignId == campaign.Id);
        if (group is null)
        {
            return CommandResult.Fail("请选择本评议活动的评议人类别。");
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var batch = NewBatch(campaign.Id, group.Id, count);
        db.TokenBatches.Add(batch);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.TokensIssue, AuditOutcome.Success, "TokenBatch", Id(batch.Id), $"{campaign.Name}：为“{group.Name}”生成评议码{count}个");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        queue.Enqueue(batch.Id);
        return CommandResult.Ok(batch.Id);
    }

    /// <summary>Voids one code of the campaign, typed as the short code, the long code or the whole link.</summary>
    public async Task<CommandResult> VoidCodeAsync(int campaignId, string? input)
    {
        var campaign = await scope.FindCampaignAsync(campaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        string? hash = null;
        if (TokenCodes.NormalizeShort(input) is { } shortCode)
        {
            hash = await key.HashAsync(shortCode);
        }
        else if (TokenCodes.NormalizeLong(input?.Trim().Split('/').Last()) is { } longCode)
        {
            hash = await key.HashAsync(longCode);
        }
        if (hash is null)
        {
            return CommandResult.Fail("评议码格式不正确：请输入纸条上的评议码（如 ABCD-EFGH-JKL），或完整的评议链接。");
        }
        var token = await db.Tokens.AsNoTracking()
            .Where(t => t.CampaignId == campaign.Id && (t.ShortHash == hash || t.LongHash == hash))
            .Select(t => new { t.Id, t.State, t.BatchId, t.RaterGroupId })
            .FirstOrDefaultAsync();
        if (token is null)
        {
            return CommandResult.Fail("本评议活动中没有这个评议码，请核对后重试。");
        }
        if (token.State == TokenState.Void)
        {
            return CommandResult.Fail("这个评议码已经作废。");
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        // Conditional: a rater may be using the code at this very moment; a used code stays used.
        var changed = await db.Tokens.Where(t => t.Id == token.Id && t.State == TokenState.Unused)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TokenState.Void));
        if (changed == 0)
        {
            return CommandResult.Fail("这个评议码已经使用过，不能作废。");
        }
        var group = await GroupNameAsync(token.RaterGroupId);
        audit.Add(AuditActions.TokensVoid, AuditOutcome.Success, "TokenBatch", Id(token.BatchId), $"{campaign.Name}：作废“{group}”的评议码1个");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(token.BatchId);
    }

    /// <summary>Voids every unused code of a batch; the result's Id is how many were voided.</summary>
    public async Task<CommandResult> VoidBatchAsync(int batchId)
    {
        var (batch, campaign) = await FindAsync(batchId);
        if (batch is null || campaign is null)
        {
            return CommandResult.Missing;
        }
        if (batch.State == TokenBatchState.Generating)
        {
            return CommandResult.Fail(GeneratingMessage);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var voided = await VoidUnusedAsync(batch, campaign);
        if (voided == 0)
        {
            return CommandResult.Fail("这批评议码已经没有未使用的码。");
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(voided);
    }

    /// <summary>Voids the unused codes of a batch and issues a new batch of the same size; the result's Id is the new batch.</summary>
    public async Task<CommandResult> ReissueAsync(int batchId)
    {
        var (batch, campaign) = await FindAsync(batchId);
        if (batch is null || campaign is null)
        {
            return CommandResult.Missing;
        }
        if (batch.State == TokenBatchState.Generating)
        {
            return CommandResult.Fail(GeneratingMessage);
        }
        if (!AcceptsNewCodes(campaign.State))
        {
            return CommandResult.Fail($"评议活动{CampaignLabels.Of(campaign.State)}，不能再生成评议码。");
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        await VoidUnusedAsync(batch, campaign);
        var next = NewBatch(campaign.Id, batch.RaterGroupId, batch.Count);
        db.TokenBatches.Add(next);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.TokensIssue, AuditOutcome.Success, "TokenBatch", Id(next.Id),
            $"{campaign.Name}：为“{batch.RaterGroupName}”重新生成评议码{next.Count}个（替换第{batch.Id}批）");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        queue.Enqueue(next.Id);
        return CommandResult.Ok(next.Id);
    }

    public async Task<CommandResult> PurgeAsync(int batchId)
    {
        var (batch, campaign) = await FindAsync(batchId);
        if (batch is null || campaign is null)
        {
            return CommandResult.Missing;
        }
        if (batch.State == TokenBatchState.Generating)
        {
            return CommandResult.Fail(GeneratingMessage);
        }
        if (!batch.HasCodes)
        {
            return CommandResult.Fail("这批评议码的明文已经清除。");
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        await ClearCodesAsync(db, batch.Id, Now);
        audit.Add(AuditActions.TokensPurge, AuditOutcome.Success, "TokenBatch", Id(batch.Id),
            $"{campaign.Name}：清除“{batch.RaterGroupName}”第{batch.Id}批评议码的明文（{batch.Count}个）");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(batch.Id);
    }

    /// <summary>
    /// The plain codes of a printable batch, for printing or downloading, with the audit row of
    /// that disclosure; null with a reason when the batch is still generating or purged.
    /// </summary>
    public async Task<(List<PlainCode>? Codes, string? Refusal)> DiscloseAsync(BatchView batch, Campaign campaign, string what)
    {
        if (batch.State is TokenBatchState.Generating)
        {
            return (null, GeneratingMessage);
        }
        if (batch.State is TokenBatchState.Failed)
        {
            return (null, FailedMessage);
        }
        if (!batch.HasCodes || batch.CreatedUtc + PlainCodesKeptFor <= Now)
        {
            return (null, PurgedMessage);
        }
        var data = await db.TokenBatches.Where(b => b.Id == batch.Id).Select(b => b.ProtectedCodes).FirstAsync();
        if (data is null)
        {
            return (null, PurgedMessage);
        }
        await audit.WriteAsync(AuditActions.TokensDownload, AuditOutcome.Success, "TokenBatch", Id(batch.Id),
            $"{campaign.Name}：{what}“{batch.RaterGroupName}”第{batch.Id}批评议码");
        return (codes.Unprotect(data), null);
    }

    /// <summary>The batch and its campaign when the campaign lies in scope; otherwise nulls, with the refusal audited.</summary>
    public async Task<(BatchView? Batch, Campaign? Campaign)> FindAsync(int batchId)
    {
        var batch = await Batches(db.TokenBatches.Where(b => b.Id == batchId)).FirstOrDefaultAsync();
        if (batch is null)
        {
            await scope.DenyAsync("TokenBatch", batchId);
            return (null, null);
        }
        var campaign = await scope.FindCampaignAsync(batch.CampaignId);
        return campaign is null ? (null, null) : (batch, campaign);
    }

    public Task<List<BatchView>> BatchesAsync(int campaignId) =>
        Batches(db.TokenBatches.Where(b => b.CampaignId == campaignId)).ToListAsync();

    public async Task<List<GroupCodeCounts>> CountsAsync(int campaignId)
    {
        var groups = await db.RaterGroups.AsNoTracking().Where(g => g.CampaignId == campaignId)
            .OrderBy(g => g.Position).ThenBy(g => g.Id).ToListAsync();
        var counts = await db.Tokens.Where(t => t.CampaignId == campaignId)
            .GroupBy(t => new { t.RaterGroupId, t.State })
            .Select(g => new { g.Key.RaterGroupId, g.Key.State, Count = g.Count() })
            .ToListAsync();
        int Of(int group, TokenState state) => counts.Where(c => c.RaterGroupId == group && c.State == state).Sum(c => c.Count);
        return groups.Select(g => new GroupCodeCounts(g.Id, g.Name, g.PlannedCount,
            Of(g.Id, TokenState.Unused) + Of(g.Id, TokenState.Used), Of(g.Id, TokenState.Used), Of(g.Id, TokenState.Void),
            Of(g.Id, TokenState.Unused))).ToList();
    }

    /// <summary>
    /// Removes the plain codes of batches older than <see cref="PlainCodesKeptFor"/>; run by the
    /// background service, so the codes do not outlive their printing by accident.
    /// </summary>
    public static async Task<int> PurgeExpiredAsync(AppDbContext db, AuditLog audit, DateTime now)
    {
        var due = now - PlainCodesKeptFor;
        var batches = await db.TokenBatches.Where(b => b.ProtectedCodes != null && b.CreatedUtc <= due && b.State == TokenBatchState.Ready)
            .Select(b => new { b.Id, b.Count }).ToListAsync();
        foreach (var batch in batches)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await ClearCodesAsync(db, batch.Id, now);
            audit.Add(AuditActions.TokensPurge, AuditOutcome.Success, "TokenBatch", Id(batch.Id),
                $"第{batch.Id}批评议码（{batch.Count}个）生成已满{PlainCodesKeptFor.Days}天，自动清除明文", actor: "系统");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        return batches.Count;
    }

    private static Task<int> ClearCodesAsync(AppDbContext db, int batchId, DateTime now) =>
        db.TokenBatches.Where(b => b.Id == batchId && b.State == TokenBatchState.Ready).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.ProtectedCodes, (byte[]?)null)
            .SetProperty(b => b.PurgedUtc, now)
            .SetProperty(b => b.State, TokenBatchState.Purged));

    private async Task<int> VoidUnusedAsync(BatchView batch, Campaign campaign)
    {
        var voided = await db.Tokens.Where(t => t.BatchId == batch.Id && t.State == TokenState.Unused)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TokenState.Void));
        if (voided > 0)
        {
            audit.Add(AuditActions.TokensVoid, AuditOutcome.Success, "TokenBatch", Id(batch.Id),
                $"{campaign.Name}：作废“{batch.RaterGroupName}”第{batch.Id}批未使用的评议码{voided}个");
        }
        return voided;
    }

    private IQueryable<BatchView> Batches(IQueryable<TokenBatch> batches) =>
        from b in batches
        join g in db.RaterGroups on b.RaterGroupId equals g.Id
        orderby b.Id descending
        select new BatchView(b.Id, b.CampaignId, b.RaterGroupId, g.Name, b.Count, b.Generated, b.State, b.CreatedBy, b.CreatedUtc,
            b.PurgedUtc, b.ProtectedCodes != null);

    private TokenBatch NewBatch(int campaignId, int groupId, int count) => new()
    {
        CampaignId = campaignId,
        RaterGroupId = groupId,
        Count = count,
        State = TokenBatchState.Generating,
        CreatedBy = Truncate(http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "", 256),
        CreatedUtc = Now,
    };

    private async Task<string> GroupNameAsync(int groupId) =>
        await db.RaterGroups.Where(g => g.Id == groupId).Select(g => g.Name).FirstAsync();

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
