using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Pages.Shared;

namespace Pingyi.Web.Features.Ballots;

/// <summary>One assignment of the rater's group as the phone page shows it.</summary>
public sealed record BallotPart(Assignment Assignment, FormVersion Version, IReadOnlyList<BallotSubject> Subjects);

/// <summary>What a token admits: its campaign and the assignments of its rater group.</summary>
public sealed record BallotPlan(Token Token, Campaign Campaign, IReadOnlyList<BallotPart> Parts);

/// <summary>
/// STAND-IN for step3-writer's BallotBuilder, to be replaced when that branch is merged: loads
/// what a token admits and builds the ballots from checked answers.
/// </summary>
public sealed class StandInBallotBuilder(AppDbContext db, TimeProvider clock)
{
    public async Task<BallotPlan?> LoadAsync(long tokenId, CancellationToken ct = default)
    {
        var token = await db.Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null)
        {
            return null;
        }
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == token.CampaignId, ct);
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.CampaignId == token.CampaignId && a.RaterGroupId == token.RaterGroupId && a.FormVersionId != null)
            .Include(a => a.Subjects).ThenInclude(s => s.Organization)
            .Include(a => a.Subjects).ThenInclude(s => s.Member).ThenInclude(m => m!.Organization)
            .Include(a => a.FormVersion).ThenInclude(v => v!.Sections).ThenInclude(s => s.Items)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var parts = assignments
            .Select(a => new BallotPart(a, a.FormVersion!, CampaignPlan.Ordered(a.Subjects).Select(s => new BallotSubject(s.Id, CampaignRules.SubjectName(s))).ToList()))
            .ToList();
        return new BallotPlan(token, campaign, parts);
    }

    /// <summary>One ballot per part from its checked answers, all carrying the same receipt.</summary>
    public List<Ballot> Build(BallotPlan plan, IReadOnlyList<BallotCheck> checks, string receiptHash) =>
        plan.Parts.Select((p, i) =>
        {
            var id = Guid.NewGuid();
            foreach (var a in checks[i].Answers)
            {
                a.BallotId = id;
            }
            return new Ballot
            {
                Id = id,
                CampaignId = plan.Campaign.Id,
                RaterGroupId = plan.Token.RaterGroupId,
                AssignmentId = p.Assignment.Id,
                FormVersionId = p.Version.Id,
                Channel = BallotChannel.Online,
                SubmittedOn = CampaignPlan.Today(clock),
                ReceiptHash = receiptHash,
                Answers = checks[i].Answers,
            };
        }).ToList();
}

/// <summary>
/// STAND-IN for step3-writer's batched IBallotWriter, to be replaced when that branch is merged:
/// one transaction per submission, a conditional update that must move exactly one unused
/// token of an open campaign to used, then the insert.
/// </summary>
public sealed class StandInBallotWriter(IServiceScopeFactory scopes, TimeProvider clock) : IBallotWriter
{
    public async Task<SubmitOutcome> SubmitAsync(BallotSubmission submission, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = CampaignPlan.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Tokens
            .Where(t => t.Id == submission.TokenId && t.State == TokenState.Unused
                && db.Campaigns.Any(c => c.Id == t.CampaignId && c.State == CampaignState.Open && c.StartsOn <= today && c.EndsOn >= today))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.State, TokenState.Used), cancellationToken);
        if (moved != 1)
        {
            var state = await db.Tokens.Where(t => t.Id == submission.TokenId).Select(t => (TokenState?)t.State).FirstOrDefaultAsync(cancellationToken);
            return state == TokenState.Unused ? SubmitOutcome.Closed : SubmitOutcome.AlreadyUsed;
        }
        db.Ballots.AddRange(submission.Ballots);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return SubmitOutcome.Stored;
    }
}
