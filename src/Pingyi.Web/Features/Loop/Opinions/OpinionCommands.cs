using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Opinions;

/// <summary>An opinion typed in by staff or pushed by a hotline or letters system.</summary>
public sealed record OpinionInput(OpinionSource Source, int OrganizationId, int? CampaignId, int? MeetingId, int? CategoryId,
    string? Text, DateOnly ReceivedOn, string? SourceNote, bool IssueReceipt);

/// <summary>The outcome of an opinion command; <see cref="Receipt"/> is the 回执码 in clear, to be shown once and never stored.</summary>
public sealed record OpinionResult(string? Error = null, bool NotFound = false, Guid? Id = null, string? Receipt = null, bool Throttled = false)
{
    public bool Succeeded => Error is null && !NotFound;

    public static readonly OpinionResult Missing = new(NotFound: true);

    public static OpinionResult Fail(string error) => new(error);
}

/// <summary>
/// Every change to opinions, shared by the pages and the API. Opinions are looked up through
/// <see cref="OrgScope"/>; the audit row never holds an opinion's text or receipt, and names an
/// opinion by its id only when staff typed it in (ballot and public-box opinions are anonymous).
/// </summary>
public sealed class OpinionCommands(AppDbContext db, OrgScope scope, AuditLog audit, TokenKey key,
    IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly OpinionSource[] MeetingSources = [OpinionSource.Meeting, OpinionSource.Interview, OpinionSource.Visit];

    public DateOnly Today => CampaignPlan.Today(clock);

    private string UserName => http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "";

    public static bool TakesMeeting(OpinionSource source) => MeetingSources.Contains(source);

    public async Task<OpinionResult> CreateAsync(OpinionInput input)
    {
        var org = await scope.FindOrganizationAsync(input.OrganizationId);
        if (org is null)
        {
            return OpinionResult.Missing;
        }
        if (!OpinionLabels.StaffSources.Contains(input.Source))
        {
            return OpinionResult.Fail("来源不正确：只能登记评议会/座谈会、个别访谈、走访、来信、热线电话的意见。");
        }
        if (!org.IsActive)
        {
            return OpinionResult.Fail("该组织已停用，不能登记意见。");
        }
        var error = OpinionRules.CheckText(input.Text, Opinion.TextMaxLength)
            ?? OpinionRules.CheckSourceNote(input.SourceNote)
            ?? OpinionRules.CheckReceivedOn(input.ReceivedOn, Today)
            ?? await CheckCategoryAsync(input.CategoryId);
        if (error is not null)
        {
            return OpinionResult.Fail(error);
        }
        var campaignId = input.CampaignId;
        if (campaignId is { } cid)
        {
            var campaign = await (await scope.CampaignsReachingAsync()).Where(c => c.Id == cid)
                .Select(c => new { c.Organization!.Path }).FirstOrDefaultAsync();
            if (campaign is null)
            {
                await scope.DenyAsync("Campaign", cid);
                return OpinionResult.Missing;
            }
            if (!OrganizationTree.IsWithin(org.Path, campaign.Path))
            {
                return OpinionResult.Fail("该组织不在所选评议活动的范围内。");
            }
        }
        if (input.MeetingId is { } mid)
        {
            if (!TakesMeeting(input.Source))
            {
                return OpinionResult.Fail("只有评议会/座谈会、个别访谈、走访的意见可以关联评议会。");
            }
            var meeting = await scope.FindMeetingAsync(mid);
            if (meeting is null)
            {
                return OpinionResult.Missing;
            }
            if (campaignId is not null && campaignId != meeting.CampaignId)
            {
                return OpinionResult.Fail("所选评议会不属于所选评议活动。");
            }
            campaignId = meeting.CampaignId;
        }
        var receipt = input.IssueReceipt ? TokenCodes.NewReceipt() : null;
        var opinion = new Opinion
        {
            Id = Guid.NewGuid(),
            Source = input.Source,
            OrganizationId = org.Id,
            CampaignId = campaignId,
            MeetingId = input.MeetingId,
            CategoryId = input.CategoryId,
            Text = input.Text!.Trim(),
            ReceivedOn = input.ReceivedOn,
            SourceNote = string.IsNullOrWhiteSpace(input.SourceNote) ? null : input.SourceNote.Trim(),
            ReceiptHash = receipt is null ? null : await key.HashAsync(receipt),
            RecordedBy = UserName,
        };
        db.Opinions.Add(opinion);
        audit.Add(AuditActions.OpinionCreate, AuditOutcome.Success, "Opinion", opinion.Id.ToString(),
            $"{OpinionLabels.Sources[opinion.Source]}，{org.Name}，收到日期 {CampaignText.Format(opinion.ReceivedOn)}");
        await db.SaveChangesAsync();
        return new OpinionResult(Id: opinion.Id, Receipt: receipt);
    }

    /// <summary>
    /// The public box: any active organisation, no account, nothing about the sender kept — not
    /// even an audit row, which would tie the moment and address of a request to the opinion.
    /// <paramref name="admit"/> is asked only once the input is valid, so a mistyped form does not
    /// use up the sender's allowance.
    /// </summary>
    public async Task<OpinionResult> SubmitPublicAsync(int organizationId, int? categoryId, string? text, Func<bool> admit)
    {
        ArgumentNullException.ThrowIfNull(admit);
        var error = OpinionRules.CheckText(text, OpinionRules.PublicTextMaxLength) ?? await CheckCategoryAsync(categoryId);
        if (error is not null)
        {
            return OpinionResult.Fail(error);
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.IsActive))
        {
            return OpinionResult.Fail("请选择意见涉及的单位。");
        }
        if (!admit())
        {
            return new OpinionResult(Throttled: true);
        }
        var receipt = TokenCodes.NewReceipt();
        var opinion = new Opinion
        {
            Id = Guid.NewGuid(),
            Source = OpinionSource.PublicBox,
            OrganizationId = organizationId,
            CategoryId = categoryId,
            Text = text!.Trim(),
            ReceivedOn = Today,
            ReceiptHash = await key.HashAsync(receipt),
        };
        db.Opinions.Add(opinion);
        await db.SaveChangesAsync();
        return new OpinionResult(Id: opinion.Id, Receipt: receipt);
    }

    public async Task<OpinionResult> CategorizeAsync(Guid id, int? categoryId)
    {
        var opinion = await scope.FindOpinionAsync(id);
        if (opinion is null)
        {
            return OpinionResult.Missing;
        }
        if (await CheckCategoryAsync(categoryId) is { } error)
        {
            return OpinionResult.Fail(error);
        }
        var names = await db.OpinionCategories.Where(c => c.Id == opinion.CategoryId || c.Id == categoryId).ToDictionaryAsync(c => c.Id, c => c.Name);
        var before = opinion.CategoryId is { } b ? names[b] : "未分类";
        opinion.CategoryId = categoryId;
        audit.Add(AuditActions.OpinionCategorize, AuditOutcome.Success, "Opinion", AuditId(opinion),
            $"意见类别：{before} → {(categoryId is { } a ? names[a] : "未分类")}");
        await db.SaveChangesAsync();
        return new OpinionResult(Id: opinion.Id);
    }

    /// <summary>A direct reply (praise, an explanation) to an opinion that is no problem, given to its whole merge group.</summary>
    public async Task<OpinionResult> ReplyAsync(Guid id, string? reply)
    {
        var opinion = await scope.FindOpinionAsync(id);
        if (opinion is null)
        {
            return OpinionResult.Missing;
        }
        if (OpinionRules.CheckReply(reply) is { } error)
        {
            return OpinionResult.Fail(error);
        }
        var group = await GroupOfAsync(opinion);
        if (group.Any(o => o.ProblemId is not null))
        {
            return OpinionResult.Fail("该意见已转为问题，请在问题中答复整改情况。");
        }
        foreach (var o in group)
        {
            o.Reply = reply!.Trim();
            o.RepliedOn = Today;
            o.RepliedBy = UserName;
        }
        audit.Add(AuditActions.OpinionReply, AuditOutcome.Success, "Opinion", AuditId(group[0]), $"答复{group.Count}条意见（含合并的意见）");
        await db.SaveChangesAsync();
        return new OpinionResult(Id: opinion.Id);
    }

    /// <summary>Merges <paramref name="secondId"/>, with everything already merged into it, into <paramref name="firstId"/>; every text is kept.</summary>
    public async Task<OpinionResult> MergeAsync(Guid firstId, Guid secondId)
    {
        var first = await scope.FindOpinionAsync(firstId);
        var second = first is null ? null : await scope.FindOpinionAsync(secondId);
        if (first is null || second is null)
        {
            return OpinionResult.Missing;
        }
        if (OpinionRules.CheckMerge(first, second) is { } error)
        {
            return OpinionResult.Fail(error);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var followers = await db.Opinions.Where(o => o.MergedIntoId == second.Id).ToListAsync();
        second.MergedIntoId = first.Id;
        followers.ForEach(o => o.MergedIntoId = first.Id);
        var moved = followers.Prepend(second).ToList();
        var total = 1 + await db.Opinions.CountAsync(o => o.MergedIntoId == first.Id && o.Id != second.Id) + moved.Count;
        audit.Add(AuditActions.OpinionMerge, AuditOutcome.Success, "Opinion", AuditId(first), $"合并{moved.Count}条意见{Named(moved)}，合并后共{total}条");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new OpinionResult(Id: first.Id);
    }

    /// <summary>Takes one opinion out of its merge group again, while the group has neither problem nor reply.</summary>
    public async Task<OpinionResult> UnmergeAsync(Guid id)
    {
        var opinion = await scope.FindOpinionAsync(id);
        if (opinion is null)
        {
            return OpinionResult.Missing;
        }
        if (opinion.MergedIntoId is not { } headId)
        {
            return OpinionResult.Fail("该意见没有合并到其他意见。");
        }
        var head = await scope.FindOpinionAsync(headId);
        if (head is null)
        {
            return OpinionResult.Missing;
        }
        if (OpinionRules.CheckUnmerge(opinion, head) is { } error)
        {
            return OpinionResult.Fail(error);
        }
        opinion.MergedIntoId = null;
        audit.Add(AuditActions.OpinionUnmerge, AuditOutcome.Success, "Opinion", AuditId(head), $"取消合并1条意见{Named([opinion])}");
        await db.SaveChangesAsync();
        return new OpinionResult(Id: opinion.Id);
    }

    /// <summary>The head of the opinion's merge group first, then every opinion merged into it.</summary>
    public async Task<List<Opinion>> GroupOfAsync(Opinion opinion)
    {
        var headId = opinion.MergedIntoId ?? opinion.Id;
        var group = await db.Opinions.Where(o => o.Id == headId || o.MergedIntoId == headId).ToListAsync();
        return group.OrderBy(o => o.MergedIntoId is null ? 0 : 1).ThenBy(o => o.ReceivedOn).ThenBy(o => o.Id).ToList();
    }

    private async Task<string?> CheckCategoryAsync(int? categoryId) =>
        categoryId is { } id && !await db.OpinionCategories.AnyAsync(c => c.Id == id && c.IsActive) ? "请选择有效的意见类别。" : null;

    private static string? AuditId(Opinion opinion) => OpinionRules.MayAuditId(opinion.Source) ? opinion.Id.ToString() : null;

    // Staff-typed opinions may be named; the anonymous ones (ballot, public box) are only counted.
    private static string Named(IReadOnlyCollection<Opinion> opinions)
    {
        var ids = opinions.Where(o => OpinionRules.MayAuditId(o.Source)).Select(o => o.Id.ToString()).ToList();
        return ids.Count == 0 ? "" : $"（登记的意见：{string.Join("、", ids)}）";
    }
}
