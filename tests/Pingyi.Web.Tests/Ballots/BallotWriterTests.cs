using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>
/// The batching writer under failure: a bad submission in a batch, a crash in the middle of a
/// batch's transaction, a campaign closed while a ballot waits, the same code twice in one batch,
/// and shutdown with submissions still queued. Whatever happens, a submission is reported stored
/// only if all its ballots and answers are in the database, and nothing is half-stored.
/// </summary>
public abstract class BallotWriterTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<(BallotCampaign Campaign, List<IssuedCode> Codes)> ArrangeAsync(string name, int count)
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, name);
        return (campaign, await app.IssueAsync(campaign, count));
    }

    /// <summary>Nothing half-stored: every ballot has its answers, and used tokens, receipts and ballots tally.</summary>
    private async Task AssertWholeAsync(BallotCampaign campaign, IEnumerable<string> acknowledgedReceipts)
    {
        var key = app.Factory.Services.GetRequiredService<TokenKey>();
        var hashes = new List<string>();
        foreach (var receipt in acknowledgedReceipts)
        {
            hashes.Add(await key.HashAsync(receipt));
        }
        await app.WithDbAsync(async db =>
        {
            var ballots = await db.Ballots.AsNoTracking().Include(b => b.Answers).Where(b => b.CampaignId == campaign.Id).ToListAsync();
            Assert.All(ballots, b => Assert.Equal(3, b.Answers.Count));
            var used = await db.Tokens.CountAsync(t => t.CampaignId == campaign.Id && t.State == TokenState.Used);
            Assert.Equal(used, ballots.Select(b => b.ReceiptHash).Distinct().Count());
            Assert.Equal(used * campaign.SubjectIds.Length, ballots.Count);
            Assert.Equal(hashes.Order(), ballots.Select(b => b.ReceiptHash).Distinct().Order());
        });
    }

    [Fact]
    public async Task A_bad_submission_in_a_batch_fails_alone_and_the_others_are_stored()
    {
        var (campaign, codes) = await ArrangeAsync("坏票混入批次", 21);
        await using var instance = new SecondInstance(app);
        var submissions = new List<(BallotSubmission S, string Receipt)>();
        for (var i = 0; i < codes.Count; i++)
        {
            // The tenth names an assignment that does not exist: its insert breaks a foreign key.
            submissions.Add(await instance.BuildAsync(app, campaign, codes[i].Long, i == 10 ? b => b.AssignmentId = int.MaxValue : null));
        }

        instance.Faults.Hold();
        var first = instance.Writer.SubmitAsync(submissions[0].S);
        await Task.Delay(300);
        var rest = submissions.Skip(1).Select(s => instance.Writer.SubmitAsync(s.S)).ToList();
        instance.Faults.Release();

        Assert.Equal(SubmitOutcome.Stored, await first);
        for (var i = 1; i < submissions.Count; i++)
        {
            if (i == 10)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => rest[i - 1]);
            }
            else
            {
                Assert.Equal(SubmitOutcome.Stored, await rest[i - 1]);
            }
        }
        Assert.Contains(instance.Logs.Lines, l => l.Contains("A batch of 20 ballot submissions failed", StringComparison.Ordinal));
        Assert.Equal(TokenState.Unused, await app.StateAsync(codes[10].TokenId));
        await AssertWholeAsync(campaign, submissions.Where((_, i) => i != 10).Select(s => s.Receipt));
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_batch_stores_nothing_of_it_and_acknowledges_only_what_was_committed()
    {
        var (campaign, codes) = await ArrangeAsync("批次中途崩溃", 12);
        await using var instance = new SecondInstance(app);
        var submissions = new List<(BallotSubmission S, string Receipt)>();
        foreach (var code in codes)
        {
            submissions.Add(await instance.BuildAsync(app, campaign, code.Long));
        }

        // Every attempt fails after the tokens were taken and some ballots inserted: callers hear failure, nothing stays.
        instance.Faults.FailAnswerInserts(1_000);
        instance.Faults.Hold();
        var failing = submissions.Take(6).Select(s => instance.Writer.SubmitAsync(s.S)).ToList();
        instance.Faults.Release();
        foreach (var task in failing)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => task);
        }
        foreach (var code in codes.Take(6))
        {
            Assert.Equal(TokenState.Unused, await app.StateAsync(code.TokenId));
        }
        await AssertWholeAsync(campaign, []);

        // One crash in a batch of six: the batch rolls back, each is retried alone and stored once.
        instance.Faults.FailAnswerInserts(1);
        instance.Faults.Hold();
        var retried = submissions.Skip(6).Select(s => instance.Writer.SubmitAsync(s.S)).ToList();
        instance.Faults.Release();
        Assert.All(await Task.WhenAll(retried), o => Assert.Equal(SubmitOutcome.Stored, o));
        await AssertWholeAsync(campaign, submissions.Skip(6).Select(s => s.Receipt));
        var (ballots, _, used) = await app.CountsAsync(campaign.Id);
        Assert.Equal((12, 6), (ballots, used));
    }

    [Fact]
    public async Task The_same_code_twice_in_one_batch_is_stored_once()
    {
        var (campaign, codes) = await ArrangeAsync("同码同批", 1);
        await using var instance = new SecondInstance(app);
        var one = await instance.BuildAsync(app, campaign, codes[0].Long);
        var two = await instance.BuildAsync(app, campaign, codes[0].Short);

        instance.Faults.Hold();
        var outcomes = new[] { instance.Writer.SubmitAsync(one.Submission), instance.Writer.SubmitAsync(two.Submission) };
        instance.Faults.Release();

        Assert.Equal([SubmitOutcome.Stored, SubmitOutcome.AlreadyUsed], await Task.WhenAll(outcomes));
        await AssertWholeAsync(campaign, [one.Receipt]);
    }

    [Fact]
    public async Task A_campaign_closed_while_a_ballot_waits_stores_nothing()
    {
        var (campaign, codes) = await ArrangeAsync("等待中结束", 1);
        await using var instance = new SecondInstance(app);
        var built = await instance.BuildAsync(app, campaign, codes[0].Long);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        await BallotArrange.SetStateAsync(sys, campaign.Id, "Closed");

        Assert.Equal(SubmitOutcome.Closed, await instance.Writer.SubmitAsync(built.Submission));
        Assert.Equal(TokenState.Unused, await app.StateAsync(codes[0].TokenId));
        await AssertWholeAsync(campaign, []);
    }

    [Fact]
    public async Task Shutting_down_finishes_the_queued_submissions_first()
    {
        var (campaign, codes) = await ArrangeAsync("停止前写完", 8);
        var instance = new SecondInstance(app);
        var submissions = new List<(BallotSubmission S, string Receipt)>();
        foreach (var code in codes)
        {
            submissions.Add(await instance.BuildAsync(app, campaign, code.Long));
        }
        instance.Faults.Hold();
        var queued = submissions.Select(s => instance.Writer.SubmitAsync(s.S)).ToList();
        var stopping = instance.DisposeAsync().AsTask();
        await Task.Delay(200);
        instance.Faults.Release();
        await stopping;

        Assert.All(await Task.WhenAll(queued), o => Assert.Equal(SubmitOutcome.Stored, o));
        await AssertWholeAsync(campaign, submissions.Select(s => s.Receipt));
    }
}

public sealed class SqliteBallotWriterTests(SqliteAppFixture a) : BallotWriterTests<SqliteAppFixture>(a);

public sealed class PostgresBallotWriterTests(PostgresAppFixture a) : BallotWriterTests<PostgresAppFixture>(a);
