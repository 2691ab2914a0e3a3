using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Ballots;

/// <summary>Whether a token may vote now.</summary>
public enum AdmissionState
{
    Admitted = 1,
    Used = 2,
    Voided = 3,

    /// <summary>The campaign is not open, or today lies outside its period.</summary>
    Closed = 4,
}

/// <summary>
/// What a token admits: its campaign and, when <see cref="State"/> is Admitted, the assignments of
/// its rater group (each with its form version's sections and items, and its subjects with their
/// organisation or member). Shared read-only between requests: never change these objects.
/// </summary>
public sealed record TokenAdmission(Token Token, Campaign Campaign, string OrganizationPath, AdmissionState State, IReadOnlyList<Assignment> Assignments);

/// <summary>
/// What one rater answers and how they were admitted: the assignments of their rater group, and
/// the channel with the token (online and paper slips printed with a code) or the standing channel
/// that admits them, as the writer needs it.
/// </summary>
public sealed record BallotScope(int CampaignId, int RaterGroupId, IReadOnlyList<Assignment> Assignments, BallotChannel Channel)
{
    public long? TokenId { get; init; }

    public int? StandingChannelId { get; init; }

    /// <summary>False when the rater may not submit now (a token that is used, void or of a closed campaign).</summary>
    public bool Admitted { get; init; } = true;

    public static BallotScope Of(TokenAdmission admission) =>
        new(admission.Campaign.Id, admission.Token.RaterGroupId, admission.Assignments, BallotChannel.Online)
        {
            TokenId = admission.Token.Id,
            Admitted = admission.State == AdmissionState.Admitted,
        };
}

/// <summary>
/// The ballots built from one rater's answers: a submission for <see cref="IBallotWriter"/> and the
/// plain receipt to show once, or the reasons they were refused (per subject and item key, and general).
/// </summary>
public sealed record BallotBuild(BallotSubmission? Submission, string? Receipt,
    Dictionary<(int SubjectId, string ItemKey), string> Errors, List<string> General)
{
    public bool IsValid => Submission is not null;
}

/// <summary>
/// Shared by the phone ballot and the API: finds what a code admits, checks the answers with
/// <see cref="BallotRules"/> and builds one ballot per assignment. Usage:
/// <c>CodeHashAsync(input)</c> → <c>AdmitAsync(hash)</c> → <c>BuildAsync(admission, answers, today)</c>
/// → <c>IBallotWriter.SubmitAsync(build.Submission)</c>.
/// </summary>
public sealed class BallotBuilder(AppDbContext db, TokenKey key, BallotPlans plans)
{
    /// <summary>The stored hash of a code as typed or linked (long, else short with its check character); null when malformed.</summary>
    public async Task<string?> CodeHashAsync(string? input, CancellationToken cancellationToken = default) =>
        (TokenCodes.NormalizeLong(input) ?? TokenCodes.NormalizeShort(input)) is { } code ? await key.HashAsync(code, cancellationToken) : null;

    /// <summary>
    /// The phone ballot runs these on every page view and submission, so they are compiled once per
    /// model (a compiled query refuses a model other than its first: SQLite and PostgreSQL, and the
    /// tests' hosts with their own interceptors, each have their own).
    /// </summary>
    private sealed class Queries
    {
        public readonly Func<AppDbContext, string, Task<Found?>> ByHash = EF.CompileAsyncQuery((AppDbContext db, string hash) =>
            db.Tokens.AsNoTracking().Where(t => t.LongHash == hash || t.ShortHash == hash)
                .Join(db.Campaigns, t => t.CampaignId, c => c.Id, (t, c) => new Found(t, c, c.Organization!.Path)).FirstOrDefault());

        public readonly Func<AppDbContext, long, Task<Found?>> ById = EF.CompileAsyncQuery((AppDbContext db, long id) =>
            db.Tokens.AsNoTracking().Where(t => t.Id == id)
                .Join(db.Campaigns, t => t.CampaignId, c => c.Id, (t, c) => new Found(t, c, c.Organization!.Path)).FirstOrDefault());
    }

    private static readonly ConditionalWeakTable<IModel, Queries> CompiledQueries = new();

    private Queries Compiled => CompiledQueries.GetValue(db.Model, _ => new Queries());

    private sealed record Found(Token Token, Campaign Campaign, string Path);

    /// <summary>The token whose long or short hash is <paramref name="codeHash"/> and what it admits; null for an unknown code.</summary>
    public async Task<TokenAdmission?> AdmitAsync(string codeHash, DateOnly today, CancellationToken cancellationToken = default) =>
        await AdmitFoundAsync(await Compiled.ByHash(db, codeHash), today, cancellationToken);

    /// <summary>The same for a token already identified (the phone ballot's cookie holds its id); null when it is gone.</summary>
    public async Task<TokenAdmission?> AdmitAsync(long tokenId, DateOnly today, CancellationToken cancellationToken = default) =>
        await AdmitFoundAsync(await Compiled.ById(db, tokenId), today, cancellationToken);

    private async Task<TokenAdmission?> AdmitFoundAsync(Found? found, DateOnly today, CancellationToken cancellationToken)
    {
        if (found is null)
        {
            return null;
        }
        var state = found.Token.State switch
        {
            TokenState.Used => AdmissionState.Used,
            TokenState.Void => AdmissionState.Voided,
            _ when !CampaignRules.AcceptsBallots(found.Campaign, today) => AdmissionState.Closed,
            _ => AdmissionState.Admitted,
        };
        var assignments = state == AdmissionState.Admitted
            ? await plans.OfAsync(db, found.Token.CampaignId, found.Token.RaterGroupId, cancellationToken)
            : [];
        return new TokenAdmission(found.Token, found.Campaign, found.Path, state, assignments);
    }

    /// <summary>Builds the online ballots of a rater admitted by a token; see the overload taking a <see cref="BallotScope"/>.</summary>
    public Task<BallotBuild> BuildAsync(TokenAdmission admission, RawAnswers answers, DateOnly today, CancellationToken cancellationToken = default) =>
        BuildAsync(BallotScope.Of(admission), answers, today, cancellationToken);

    /// <summary>
    /// Checks <paramref name="answers"/> (all subjects of the rater in one set; each subject
    /// belongs to exactly one assignment of the group) and builds the ballots, dated
    /// <paramref name="today"/>, with a fresh receipt shared by them. Answers for a subject outside
    /// the scope's assignments are refused as a whole.
    /// </summary>
    public async Task<BallotBuild> BuildAsync(BallotScope scope, RawAnswers answers, DateOnly today, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<(int, string), string>();
        var general = new List<string>();
        var covered = scope.Assignments.SelectMany(a => a.Subjects).Select(s => s.Id).ToHashSet();
        if (!scope.Admitted || scope.Assignments.Count == 0)
        {
            general.Add("该评议码当前不能提交评议。");
        }
        else if (answers.Keys.Any(k => !covered.Contains(k.SubjectId)))
        {
            general.Add("提交的内容包含不在本评议码评议范围内的评议对象。");
        }
        var receipt = TokenCodes.NewReceipt();
        var receiptHash = await key.HashAsync(receipt, cancellationToken);
        var ballots = new List<Ballot>();
        foreach (var assignment in scope.Assignments)
        {
            var subjects = assignment.Subjects.Select(s => s.Id).ToHashSet();
            var own = new RawAnswers();
            foreach (var (k, v) in answers.Where(a => subjects.Contains(a.Key.SubjectId)))
            {
                own[k] = v;
            }
            var check = BallotRules.Check(assignment.FormVersion!, subjects, own);
            foreach (var (k, e) in check.Errors)
            {
                errors[k] = e;
            }
            general.AddRange(check.General.Where(g => !general.Contains(g)));
            var ballotId = Guid.NewGuid();
            foreach (var a in check.Answers)
            {
                a.BallotId = ballotId;
            }
            ballots.Add(new Ballot
            {
                Id = ballotId,
                CampaignId = scope.CampaignId,
                RaterGroupId = scope.RaterGroupId,
                AssignmentId = assignment.Id,
                FormVersionId = assignment.FormVersionId!.Value,
                Channel = scope.Channel,
                SubmittedOn = today,
                ReceiptHash = receiptHash,
                Answers = check.Answers,
                Flags = SuspiciousBallots.IsStraightLine(check.Answers, assignment.FormVersion!.Items) ? BallotFlags.StraightLine : BallotFlags.None,
            });
        }
        return errors.Count > 0 || general.Count > 0
            ? new BallotBuild(null, null, errors, general)
            : new BallotBuild(new BallotSubmission(scope.TokenId, scope.CampaignId, ballots) { StandingChannelId = scope.StandingChannelId }, receipt, errors, general);
    }
}

/// <summary>
/// The assignments of (campaign, rater group), loaded once per process. Only read for an open
/// campaign, whose plan and form versions can no longer change (CampaignRules.CanChangeStructure,
/// frozen versions), so the copy never goes stale; a renamed organisation shows its old name on
/// the ballot until the app restarts. Bounded by the number of campaign groups that receive ballots.
/// </summary>
public sealed class BallotPlans
{
    private readonly ConcurrentDictionary<(int, int), IReadOnlyList<Assignment>> _plans = new();

    public async Task<IReadOnlyList<Assignment>> OfAsync(AppDbContext db, int campaignId, int raterGroupId, CancellationToken cancellationToken)
    {
        if (_plans.TryGetValue((campaignId, raterGroupId), out var cached))
        {
            return cached;
        }
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.CampaignId == campaignId && a.RaterGroupId == raterGroupId && a.FormVersionId != null)
            .Include(a => a.Subjects).ThenInclude(s => s.Organization)
            .Include(a => a.Subjects).ThenInclude(s => s.Member).ThenInclude(m => m!.Organization)
            .Include(a => a.FormVersion).ThenInclude(v => v!.Sections).ThenInclude(s => s.Items)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return _plans.GetOrAdd((campaignId, raterGroupId), assignments);
    }
}

/// <summary>
/// The questions of (campaign, rater group) as the phone ballot first shows them (no answers, no
/// errors), rendered once per process: every rater of the group gets the same HTML, and rendering
/// 20 items with their options for every page view would cost more than the rest of the request.
/// Same lifetime and reasoning as <see cref="BallotPlans"/>: only an open campaign's frozen plan is
/// rendered. The form element, its antiforgery token and everything else of the page stay per request.
/// </summary>
public sealed class BallotForms
{
    private readonly ConcurrentDictionary<(int, int), string> _html = new();

    public async Task<string> GetOrRenderAsync(int campaignId, int raterGroupId, Func<Task<string>> render)
    {
        if (_html.TryGetValue((campaignId, raterGroupId), out var html))
        {
            return html;
        }
        return _html.GetOrAdd((campaignId, raterGroupId), await render());
    }
}
