using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Meetings;

/// <summary>One numbered copy: its serial and the codes printed on it (null once the plain codes are purged).</summary>
public sealed record PrintedSlip(int Serial, PlainCode? Code);

/// <summary>
/// The paper forms of a meeting. Printing serials for the first time makes one 评议码 per copy for
/// the meeting's rater group — synchronously, since a meeting issues at most
/// <see cref="Meeting.MaxForms"/> — as a <see cref="TokenBatch"/> whose plain codes are kept
/// encrypted like any other batch (and purged with them), and a <see cref="PaperSlip"/> per serial
/// holding its token, all in one transaction. Printing them again shows the same codes, found by
/// hashing the batch's plain codes, while the batch still holds them.
/// </summary>
public sealed class MeetingPrinting(AppDbContext db, AuditLog audit, TokenKey key, BatchCodes codes, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Copies on one print page, so the browser never lays out thousands of A4 pages at once.</summary>
    public const int MaxPerPrint = 200;

    public const string PurgedMessage = "部分测评表上的评议码明文已清除（生成满7天或已手动清除），不能再显示；这些编号只打印测评表，不带评议码。";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Why the serials cannot be printed, or null.</summary>
    public static string? CheckRange(Meeting meeting, CampaignState state, int from, int to)
    {
        if (state != CampaignState.Open)
        {
            return $"评议活动{CampaignLabels.Of(state)}，不能打印纸质测评表；活动开始（测评表版本冻结）后才能打印。";
        }
        if (meeting.RaterGroupId is null || meeting.FormsIssued == 0)
        {
            return "请先在评议会中填写发放份数并选择评议人类别。";
        }
        if (from < 1 || to > meeting.FormsIssued || from > to)
        {
            return $"编号范围须在1到{meeting.FormsIssued}之间，且起始编号不大于结束编号。";
        }
        return to - from + 1 > MaxPerPrint ? $"一次最多打印{MaxPerPrint}份，请分段打印。" : null;
    }

    /// <summary>Serials of the range that have no slip yet.</summary>
    public async Task<List<int>> MissingAsync(int meetingId, int from, int to)
    {
        var existing = await db.PaperSlips.Where(s => s.MeetingId == meetingId && s.Serial >= from && s.Serial <= to)
            .Select(s => s.Serial).ToListAsync();
        return Enumerable.Range(from, to - from + 1).Except(existing).ToList();
    }

    /// <summary>Makes the slips and codes of the range's new serials; the result is how many were made, or a refusal.</summary>
    public async Task<(int Made, string? Refusal)> GenerateAsync(Meeting meeting, Campaign campaign, int from, int to)
    {
        if (CheckRange(meeting, campaign.State, from, to) is { } refusal)
        {
            return (0, refusal);
        }
        var missing = await MissingAsync(meeting.Id, from, to);
        if (missing.Count == 0)
        {
            return (0, null);
        }
        var hashKey = await key.GetAsync();
        var plain = await NewCodesAsync(hashKey, missing.Count);
        await using var tx = await db.Database.BeginTransactionAsync();
        var batch = new TokenBatch
        {
            CampaignId = campaign.Id,
            RaterGroupId = meeting.RaterGroupId!.Value,
            Count = plain.Count,
            Generated = plain.Count,
            State = TokenBatchState.Ready,
            ProtectedCodes = codes.Protect(plain),
            CreatedBy = Truncate(http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "", 256),
            CreatedUtc = Now,
        };
        db.TokenBatches.Add(batch);
        await db.SaveChangesAsync();
        var tokens = plain.Select(c => new Token
        {
            CampaignId = campaign.Id,
            RaterGroupId = batch.RaterGroupId,
            BatchId = batch.Id,
            LongHash = TokenCodes.Hash(hashKey, c.Long),
            ShortHash = TokenCodes.Hash(hashKey, c.Short),
        }).ToList();
        db.Tokens.AddRange(tokens);
        await db.SaveChangesAsync();
        db.PaperSlips.AddRange(missing.Zip(tokens, (serial, token) => new PaperSlip
        {
            MeetingId = meeting.Id,
            Serial = serial,
            TokenId = token.Id,
            State = PaperSlipState.Issued,
        }));
        // Meeting and range only: the codes and which serial got which token stay out of the audit trail.
        audit.Add(AuditActions.MeetingPrint, AuditOutcome.Success, "Meeting", Id(meeting.Id),
            $"{campaign.Name}：“{meeting.Title}”第{from}–{to}号测评表，新生成评议码{plain.Count}个（第{batch.Id}批）");
        try
        {
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // Another administrator printed the same serials at this moment; theirs stand.
            db.ChangeTracker.Clear();
            return (0, "这些编号刚刚已由他人打印，请刷新后重试。");
        }
        return (plain.Count, null);
    }

    /// <summary>The slips of the range with their codes, for printing again; audited as a reprint.</summary>
    public async Task<List<PrintedSlip>> SlipsAsync(Meeting meeting, Campaign campaign, int from, int to)
    {
        var slips = await db.PaperSlips.AsNoTracking().Where(s => s.MeetingId == meeting.Id && s.Serial >= from && s.Serial <= to)
            .OrderBy(s => s.Serial).Select(s => new { s.Serial, s.TokenId }).ToListAsync();
        var tokenIds = slips.Where(s => s.TokenId != null).Select(s => s.TokenId!.Value).ToList();
        var tokens = await db.Tokens.AsNoTracking().Where(t => tokenIds.Contains(t.Id))
            .Select(t => new { t.Id, t.BatchId, t.LongHash }).ToListAsync();
        var batchIds = tokens.Select(t => t.BatchId).Distinct().ToList();
        var kept = Now - TokenIssuer.PlainCodesKeptFor;
        var batches = await db.TokenBatches.AsNoTracking()
            .Where(b => batchIds.Contains(b.Id) && b.ProtectedCodes != null && b.CreatedUtc > kept)
            .Select(b => b.ProtectedCodes!).ToListAsync();
        var hashKey = await key.GetAsync();
        var byHash = batches.SelectMany(codes.Unprotect).ToDictionary(c => TokenCodes.Hash(hashKey, c.Long), StringComparer.Ordinal);
        var codeOfToken = tokens.ToDictionary(t => t.Id, t => byHash.GetValueOrDefault(t.LongHash));
        await audit.WriteAsync(AuditActions.MeetingPrint, AuditOutcome.Success, "Meeting", Id(meeting.Id),
            $"{campaign.Name}：“{meeting.Title}”显示第{from}–{to}号测评表（{slips.Count}份）");
        return slips.Select(s => new PrintedSlip(s.Serial, s.TokenId is { } t ? codeOfToken.GetValueOrDefault(t) : null)).ToList();
    }

    /// <summary>Fresh codes whose short hashes are new to the database (50 random bits: a repeat is rare, and drawn again).</summary>
    private async Task<List<PlainCode>> NewCodesAsync(byte[] hashKey, int count)
    {
        var result = new List<PlainCode>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; result.Count < count; round++)
        {
            if (round == 10)
            {
                throw new InvalidOperationException("Could not draw unique token codes.");
            }
            var drawn = Enumerable.Range(0, count - result.Count)
                .Select(_ => new PlainCode(TokenCodes.NewLongCode(), TokenCodes.NewShortCode()))
                .Where(c => seen.Add(TokenCodes.Hash(hashKey, c.Short)))
                .ToList();
            var hashes = drawn.Select(c => TokenCodes.Hash(hashKey, c.Short)).ToList();
            var taken = (await db.Tokens.Where(t => hashes.Contains(t.ShortHash)).Select(t => t.ShortHash).ToListAsync())
                .ToHashSet(StringComparer.Ordinal);
            result.AddRange(drawn.Where(c => !taken.Contains(TokenCodes.Hash(hashKey, c.Short))));
        }
        return result;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
