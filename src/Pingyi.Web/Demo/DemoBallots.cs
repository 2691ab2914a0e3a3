using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Demo;

/// <summary>
/// Online ballots for the demo's system-wide campaigns, last year's (closed) and this year's (open,
/// so far), so that progress, results and opinions have something to show. A seeded Random makes
/// the counts the same at every start. Each rater group gets one purged batch of codes, one per
/// 名额, of which as many are used as raters answered; the ballots are written separately and
/// nothing joins a code to a ballot, as with real ones. A campaign that has ballots is left alone.
/// </summary>
public static class DemoBallots
{
    private const string BureauCode = "SWJ";
    private const int Chunk = 500;
    private const int RowsPerInsert = 500;

    /// <summary>How well each demo unit serves (0 = average): one hospital clearly stronger, one township hospital clearly weaker.</summary>
    private static readonly Dictionary<string, double> Standing = new()
    {
        ["RMYY"] = 0.6,
        ["ZYY"] = 0.3,
        ["CGWSY"] = 0.1,
        ["QSWSY"] = 0.0,
        ["HKWSY"] = -0.8,
        ["JKZX"] = 0.2,
        ["FYBJY"] = 0.4,
        ["WSJDS"] = -0.1,
        ["SWJ-BGS"] = 0.2,
        ["SWJ-YZK"] = 0.0,
        ["SWJ-JCK"] = -0.2,
        ["SWJ-JKK"] = 0.3,
    };

    /// <summary>Items raters are harder on (waiting, fees, pay) or kinder to (conduct).</summary>
    private static readonly Dictionary<string, double> ItemLean = new()
    {
        ["ghlc"] = -0.2,
        ["hzsj"] = -0.5,
        ["ylfy"] = -0.35,
        ["ydyf"] = 0.25,
        ["ypgy"] = -0.1,
        ["xcdy"] = -0.6,
        ["pxfz"] = -0.2,
        ["bsxl"] = -0.2,
        ["tjygcx"] = -0.15,
    };

    public static async Task EnsureAsync(AppDbContext db, byte[] tokenKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var bureauPath = await db.Organizations.Where(o => o.Code == BureauCode).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken) ?? "/";
        var campaigns = await db.Campaigns.AsNoTrackingWithIdentityResolution().WithPlan()
            .Where(c => c.Organization!.Path.StartsWith(bureauPath) && (c.State == CampaignState.Closed || c.State == CampaignState.Open))
            .Where(c => !db.Ballots.Any(b => b.CampaignId == c.Id && b.Channel == BallotChannel.Online))
            .OrderBy(c => c.Year).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return;
        }
        var versionIds = campaigns.SelectMany(c => c.Assignments).Select(a => a.FormVersionId).Distinct().ToList();
        var templates = await db.FormVersions.Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Form!.TemplateKey }).ToDictionaryAsync(v => v.Id, v => v.TemplateKey, cancellationToken);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var campaign in campaigns)
            {
                await FillAsync(db, campaign, templates, tokenKey, DateOnly.FromDateTime(nowUtc), nowUtc, cancellationToken);
                // Demo ballots go in directly, not through the writer: count them once at the end.
                await Features.Results.ResultAggregates.RecomputeAsync(db, campaign.Id, cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static async Task FillAsync(AppDbContext db, Campaign campaign, Dictionary<int, string?> templates, byte[] key,
        DateOnly today, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var closed = campaign.State == CampaignState.Closed;
        var random = new Random(closed ? 2025 : 2026);
        // Last year's round ran to its end; this year's has reached today.
        var lastDay = closed || campaign.EndsOn < today ? campaign.EndsOn : today;
        var days = Math.Max(1, lastDay.DayNumber - campaign.StartsOn.DayNumber + 1);
        var yearLean = closed ? -0.15 : 0.0;
        var issuedUtc = campaign.OpenedUtc ?? nowUtc;

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in campaign.RaterGroups.OrderBy(g => g.Position).ThenBy(g => g.Id))
        {
            var assignments = campaign.Assignments.Where(a => a.RaterGroupId == group.Id && a.FormVersion is not null).OrderBy(a => a.Id).ToList();
            if (assignments.Count == 0 || group.Kind == RaterGroupKind.StandingChannel)
            {
                continue;
            }
            var share = closed ? 0.78 + 0.17 * random.NextDouble() : 0.60 + 0.20 * random.NextDouble();
            // Raters who answered on paper at a meeting (DemoMeetings) are part of the same share.
            var onPaper = await db.Ballots.CountAsync(b => b.AssignmentId == assignments[0].Id && b.Channel == BallotChannel.Paper, cancellationToken);
            var raters = Math.Max(0, (int)Math.Round(group.PlannedCount * share) - onPaper);
            await AddTokensAsync(db, campaign, group, raters, random, key, issuedUtc, cancellationToken);

            var answers = new List<BallotAnswer>();
            var pending = 0;
            for (var r = 0; r < raters; r++)
            {
                var day = campaign.StartsOn.AddDays(random.Next(days));
                var mood = Normal(random) * 0.35;
                var remarkAt = random.NextDouble() < 0.10 ? random.Next(assignments.Count) : -1;
                for (var i = 0; i < assignments.Count; i++)
                {
                    var a = assignments[i];
                    var remarks = i == remarkAt ? DemoRemarks.For(templates.GetValueOrDefault(a.FormVersionId!.Value)) : null;
                    db.Ballots.Add(NewBallot(campaign, a, BallotChannel.Online, day, mood + yearLean, remarks, random, key, answers));
                    pending++;
                }
                if (pending >= Chunk)
                {
                    await SaveAsync(db, answers, cancellationToken);
                    pending = 0;
                }
            }
            await SaveAsync(db, answers, cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task AddTokensAsync(AppDbContext db, Campaign campaign, RaterGroup group, int used, Random random, byte[] key,
        DateTime issuedUtc, CancellationToken cancellationToken)
    {
        var batch = new TokenBatch
        {
            CampaignId = campaign.Id,
            RaterGroupId = group.Id,
            Count = group.PlannedCount,
            Generated = group.PlannedCount,
            State = TokenBatchState.Purged,
            CreatedBy = DemoData.AdminUserName,
            CreatedUtc = issuedUtc,
            PurgedUtc = issuedUtc.AddDays(1),
        };
        db.TokenBatches.Add(batch);
        await SaveAsync(db, cancellationToken);
        // One code per 名额: as many used as raters answered, about one in a hundred of the rest voided (lost slips).
        var states = new TokenState[group.PlannedCount];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = i < used ? TokenState.Used : random.NextDouble() < 0.01 ? TokenState.Void : TokenState.Unused;
        }
        random.Shuffle(states);
        foreach (var slice in states.Chunk(Chunk * 4))
        {
            db.Tokens.AddRange(slice.Select(state => new Token
            {
                CampaignId = campaign.Id,
                RaterGroupId = group.Id,
                BatchId = batch.Id,
                State = state,
                LongHash = TokenCodes.Hash(key, TokenCodes.NewLongCode()),
                ShortHash = TokenCodes.Hash(key, TokenCodes.NewShortCode()),
            }));
            await SaveAsync(db, cancellationToken);
        }
    }

    /// <summary>A ballot, its answers appended to <paramref name="answers"/> (they are written apart, see <see cref="InsertAnswersAsync"/>).</summary>
    internal static Ballot NewBallot(Campaign campaign, Assignment assignment, BallotChannel channel, DateOnly day, double mood, string[]? remarks, Random random, byte[] key,
        List<BallotAnswer> answers)
    {
        var ballot = new Ballot
        {
            Id = Guid.NewGuid(),
            CampaignId = campaign.Id,
            RaterGroupId = assignment.RaterGroupId,
            AssignmentId = assignment.Id,
            FormVersionId = assignment.FormVersionId!.Value,
            Channel = channel,
            SubmittedOn = day,
            ReceiptHash = TokenCodes.Hash(key, TokenCodes.NewReceipt()),
        };
        var subjects = assignment.Subjects.OrderBy(s => s.Id).ToList();
        var remarkSubject = remarks is null ? -1 : random.Next(subjects.Count);
        for (var s = 0; s < subjects.Count; s++)
        {
            var subject = subjects[s];
            var standing = subject.Organization is { } o ? Standing.GetValueOrDefault(o.Code) : MemberStanding(subject.MemberId);
            var outpatient = false;
            foreach (var item in assignment.FormVersion!.Items)
            {
                var lean = Math.Clamp(standing + mood + ItemLean.GetValueOrDefault(item.Key), -1.2, 1.2);
                var answer = item.Kind switch
                {
                    ItemKind.Text => s == remarkSubject ? new BallotAnswer { Text = remarks![random.Next(remarks.Length)] } : null,
                    _ when !item.Required && random.NextDouble() < (outpatient && item.Key == "hlfw" ? 0.4 : 0.06) => null,
                    ItemKind.Grade => new BallotAnswer { Value = Level(item.Scale, lean, random) },
                    ItemKind.Score => new BallotAnswer { Value = Math.Clamp((int)Math.Round(item.MaxScore * (0.84 + 0.07 * lean + 0.06 * Normal(random))), 0, item.MaxScore) },
                    ItemKind.SingleChoice => new BallotAnswer { Value = Option(item, random) },
                    ItemKind.MultipleChoice => random.NextDouble() < 0.7 ? new BallotAnswer { Value = Mask(item, random) } : null,
                    _ => null,
                };
                if (answer is null)
                {
                    continue;
                }
                // Outpatients (the first option of 科室类别) often skip the nursing item: they met no ward nurse.
                outpatient |= item.Key == "kslb" && answer.Value == 1;
                answer.BallotId = ballot.Id;
                answer.SubjectId = subject.Id;
                answer.ItemId = item.Id;
                answers.Add(answer);
            }
        }
        return ballot;
    }

    /// <summary>Every fifth member of a branch is widely respected, one in seven less so: the vote then proposes 优秀 and 基本合格 for some.</summary>
    private static double MemberStanding(int? memberId) => memberId switch
    {
        { } id when id % 5 == 0 => 1.2,
        { } id when id % 7 == 3 => -1.0,
        _ => 0,
    };

    /// <summary>A grade level: mostly the top two, fewer dissatisfied the better the lean (−1.2 … 1.2).</summary>
    private static int Level(GradeScale scale, double lean, Random random)
    {
        double[] weights = scale switch
        {
            GradeScale.Satisfaction5 => [40 + 25 * lean, 40, 14 - 8 * lean, 4 - 3 * lean, 2 - 1.5 * lean],
            GradeScale.Satisfaction3 => [70 + 20 * lean, 24 - 12 * lean, 6 - 5 * lean],
            GradeScale.MemberGrade4 => [30 + 40 * lean, 60 - 20 * lean, 6 - 4 * lean, 2 - 1.5 * lean],
            _ => [1],
        };
        // Even the best unit gets the odd 不满意, and the weakest still mostly 满意.
        return Pick(weights.Select(w => Math.Max(w, 0.3)).ToArray(), random) + 1;
    }

    private static int Option(FormItem item, Random random) =>
        item.Key == "kslb" && item.Options.Count == 4 ? Pick([50, 35, 10, 5], random) + 1 : random.Next(item.Options.Count) + 1;

    /// <summary>One to MaxChoices options as a bit mask, pay and performance pay chosen most often.</summary>
    private static int Mask(FormItem item, Random random)
    {
        var weights = item.Options.Select(o => o.Contains("薪酬", StringComparison.Ordinal) || o.Contains("绩效", StringComparison.Ordinal) ? 4.0
            : o == "其他" ? 0.3 : 1.0).ToArray();
        var most = item.MaxChoices > 0 ? Math.Min(item.MaxChoices, item.Options.Count) : item.Options.Count;
        var count = 1 + random.Next(most);
        var mask = 0;
        for (var i = 0; i < count; i++)
        {
            var o = Pick(weights, random);
            mask |= 1 << o;
            weights[o] = 0;
        }
        return mask;
    }

    private static int Pick(double[] weights, Random random)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0 && weights[i] > 0)
            {
                return i;
            }
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }

    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Saves the pending ballots, then their answers.</summary>
    internal static async Task SaveAsync(AppDbContext db, List<BallotAnswer> answers, CancellationToken cancellationToken)
    {
        await SaveAsync(db, cancellationToken);
        await InsertAnswersAsync(db, answers, cancellationToken);
        answers.Clear();
    }

    /// <summary>
    /// Writes answers with multi-row INSERTs in the open transaction. The demo has about ninety
    /// thousand answers per campaign; EF Core writes one statement per row on SQLite, and SQLite
    /// finds each named parameter by a linear search, so both one row per statement and a thousand
    /// parameters per statement took most of a minute at startup. Ids and numbers are our own
    /// values, written as literals (a Guid as SQLite stores it, upper-case text); only the remarks
    /// are parameters.
    /// </summary>
    private static async Task InsertAnswersAsync(AppDbContext db, List<BallotAnswer> answers, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var rows in answers.Chunk(RowsPerInsert))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"BallotAnswers\" (\"BallotId\", \"SubjectId\", \"ItemId\", \"Value\", \"Text\") VALUES ");
            for (var i = 0; i < rows.Length; i++)
            {
                var a = rows[i];
                var text = "NULL";
                if (a.Text is not null)
                {
                    text = $"@t{command.Parameters.Count}";
                    var p = command.CreateParameter();
                    p.ParameterName = text;
                    p.DbType = DbType.String;
                    p.Value = a.Text;
                    command.Parameters.Add(p);
                }
                sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"('{a.BallotId.ToString().ToUpperInvariant()}',{a.SubjectId},{a.ItemId},{(a.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL")},{text})");
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
