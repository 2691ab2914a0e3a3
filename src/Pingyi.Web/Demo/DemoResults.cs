using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Demo;

/// <summary>
/// Decisions a bureau would have taken on the demo's results, so the result pages show them out of
/// the box: the branch's final grades for last year's 民主评议党员 round (the vote's proposals, with
/// the one-third cap on 优秀 applied and reasons where the branch departs), last year's weakest unit
/// confirmed as 软弱涣散 and its best as 先进典型 from the flag proposals, and a burst of identical
/// ballots at this year's outpatient-hall QR excluded with its reason. Runs once, after the ballots.
/// </summary>
public static class DemoResults
{
    public const string ExclusionReason = "同一时段门诊大厅二维码连续提交的相同评价，经核实为同一人重复扫码，不计入结果。";

    public static async Task EnsureAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.MemberGradeDecisions.AnyAsync(cancellationToken) || await db.OrganizationFlags.AnyAsync(cancellationToken))
        {
            return;
        }
        var closed = await db.Campaigns.AsNoTracking().Where(c => c.State == CampaignState.Closed).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var campaign in closed)
        {
            var result = CampaignResults.Compute(await ResultInputs.LoadAsync(db, campaign.Id, cancellationToken));
            Grade(db, campaign, result, nowUtc);
            Flag(db, campaign, result, nowUtc);
        }
        await db.SaveChangesAsync(cancellationToken);
        await ExcludeBurstAsync(db, nowUtc, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static void Grade(AppDbContext db, Campaign campaign, CampaignResult result, DateTime nowUtc)
    {
        var proposals = MemberGrades.Propose(result, campaign.ResultSettings);
        if (proposals.Count == 0)
        {
            return;
        }
        // The branch keeps 优秀 for the strongest votes within the cap and records why the others are 合格.
        var cap = MemberGrades.ExcellentCap(proposals.Count);
        var excellent = proposals.Where(p => p.Proposed == MemberGrade.Excellent)
            .OrderByDescending(p => p.Top.Value).ThenBy(p => p.SubjectId).Take(cap).Select(p => p.SubjectId).ToHashSet();
        foreach (var p in proposals)
        {
            var (final, reason) = p.Proposed switch
            {
                null => (MemberGrade.Qualified, "票数不足，支部委员会研究确定为合格。"),
                MemberGrade.Excellent when !excellent.Contains(p.SubjectId) => (MemberGrade.Qualified, "优秀等次不超过参评党员的三分之一，按得票排序确定为合格。"),
                { } grade => (grade, grade == MemberGrade.Unqualified ? "民主测评不合格票超过半数，经支部大会讨论确定。" : (string?)null),
            };
            db.MemberGradeDecisions.Add(new MemberGradeDecision
            {
                CampaignId = campaign.Id,
                SubjectId = p.SubjectId,
                ProposedGrade = p.Proposed,
                FinalGrade = final,
                Reason = reason,
                DecidedBy = DemoData.AdminUserName,
                DecidedUtc = campaign.ClosedUtc ?? nowUtc,
            });
        }
    }

    private static void Flag(AppDbContext db, Campaign campaign, CampaignResult result, DateTime nowUtc)
    {
        var proposals = FlagRules.Propose(result, campaign.ResultSettings);
        var rates = result.Subjects.Where(s => s.Overall.IsShown).ToDictionary(s => s.Subject.Id, s => s.Overall.Figures!.Rate.Value ?? 1);
        var weak = proposals.Where(p => p.Kind == FlagKind.Weak).OrderBy(p => rates.GetValueOrDefault(p.SubjectId, 1)).FirstOrDefault();
        var model = proposals.Where(p => p.Kind == FlagKind.Model).OrderByDescending(p => rates.GetValueOrDefault(p.SubjectId)).FirstOrDefault();
        foreach (var (proposal, kind, reason) in new[]
        {
            (weak, OrganizationFlagKind.Weak, "局党委研究，列为软弱涣散基层组织，由上级党组织负责督促限期改正。"),
            (model, OrganizationFlagKind.Model, "群众满意度显著高于平均水平，树立为先进典型，在全系统推广经验。"),
        })
        {
            if (proposal is null || result.Subject(proposal.SubjectId)?.Subject.OrganizationId is not { } organizationId)
            {
                continue;
            }
            var evidence = string.Join("；", proposal.Evidence);
            db.OrganizationFlags.Add(new OrganizationFlag
            {
                CampaignId = campaign.Id,
                OrganizationId = organizationId,
                Kind = kind,
                State = OrganizationFlagState.Confirmed,
                Evidence = evidence.Length > OrganizationFlag.EvidenceMaxLength ? evidence[..OrganizationFlag.EvidenceMaxLength] : evidence,
                Reason = reason,
                DecidedBy = DemoData.AdminUserName,
                DecidedUtc = campaign.ClosedUtc ?? nowUtc,
            });
        }
    }

    /// <summary>Six standing-QR ballots made identical, flagged as a burst and excluded with the reason; the aggregates recounted.</summary>
    private static async Task ExcludeBurstAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var burst = await db.Ballots.Where(b => b.Channel == BallotChannel.Standing).OrderBy(b => b.Id).Take(6)
            .Include(b => b.Answers).ToListAsync(cancellationToken);
        if (burst.Count < 6)
        {
            return;
        }
        var template = burst[0].Answers.ToDictionary(a => (a.SubjectId, a.ItemId));
        var exclusion = new BallotExclusion
        {
            CampaignId = burst[0].CampaignId,
            Reason = ExclusionReason,
            BallotCount = burst.Count,
            CreatedBy = DemoData.AdminUserName,
            CreatedUtc = nowUtc,
        };
        db.BallotExclusions.Add(exclusion);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ballot in burst)
        {
            ballot.Flags = BallotFlags.Burst;
            ballot.ExclusionId = exclusion.Id;
            foreach (var answer in ballot.Answers)
            {
                if (template.TryGetValue((answer.SubjectId, answer.ItemId), out var same))
                {
                    answer.Value = same.Value;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await ResultAggregates.RecomputeAsync(db, exclusion.CampaignId, cancellationToken);
    }
}
