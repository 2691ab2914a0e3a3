using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Paper;

/// <summary>
/// Typing returned paper forms, shared by the entry page, the mismatch page and the API. Each save
/// runs in one transaction that first locks the meeting row, so the checks (serial not typed, no
/// more slips than returned, the other clerk's pass) hold against a second clerk at the same
/// moment; the unique indexes on slips and passes are the final arbiter. A stored paper ballot is
/// dated with the meeting day and never linked to its slip: no foreign key, no time, a random id,
/// and the audit trail counts slips per meeting without serials.
/// </summary>
public sealed class PaperEntryService(AppDbContext db, OrgScope scope, BallotPlans plans, BallotBuilder builder, AuditLog audit,
    IHttpContextAccessor http, TimeProvider clock)
{
    public const int MaxTypedFields = 5_000;

    private string Clerk => http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "";

    /// <summary>The meeting's sheet if the meeting lies in scope; otherwise null, with the refusal audited.</summary>
    public async Task<PaperSheet?> OpenAsync(int meetingId, CancellationToken cancellationToken = default) =>
        await scope.FindMeetingAsync(meetingId) is { } meeting
            ? await PaperSheet.LoadAsync(db, plans, meeting, CampaignPlan.Today(clock), cancellationToken)
            : null;

    public Task<MeetingTally> TallyAsync(Meeting meeting) => MeetingTallies.OfAsync(db, meeting, CancellationToken.None);

    public Task<int?> NextSerialAsync(Meeting meeting, MeetingTally tally) => PaperQueries.NextSerialAsync(db, meeting, tally, Clerk);

    public Task<List<int>> MismatchesAsync(Meeting meeting) => PaperQueries.MismatchesAsync(db, meeting.Id);

    public Task<(PaperEntry First, PaperEntry Second)?> PassesAsync(Meeting meeting, int serial) => PaperQueries.PassesAsync(db, meeting.Id, serial);

    /// <summary>Types one slip: stores its ballot (or records it void), or with double entry keeps the pass and compares it with the other clerk's.</summary>
    public async Task<PaperResult> SaveAsync(PaperSheet sheet, PaperInput input, CancellationToken cancellationToken = default)
    {
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var serial = PaperRules.ParseSerial(input.Serial);
        if (serial is null)
        {
            fieldErrors["serial"] = "请填写测评表右上角的编号（数字）。";
        }
        else if (PaperRules.CheckSerial(serial.Value, sheet.Meeting.FormsIssued) is { } serialError)
        {
            fieldErrors["serial"] = serialError;
        }
        var slip = await CheckAsync(sheet, serial ?? 0, input, fieldErrors, cancellationToken);
        if (slip is null)
        {
            return Refused(sheet, fieldErrors);
        }
        var clerk = Clerk;
        return await InTransactionAsync(sheet, slip.Serial, async (meeting, tally) =>
        {
            var done = await db.PaperSlips.AnyAsync(s => s.MeetingId == meeting.Id && s.Serial == slip.Serial && s.State != PaperSlipState.Issued, cancellationToken);
            if (done)
            {
                return PaperResult.Fail(PaperRules.AlreadyTyped(slip.Serial), conflict: true);
            }
            var passes = await db.PaperEntries.AsNoTracking().Where(e => e.MeetingId == meeting.Id && e.Serial == slip.Serial)
                .OrderBy(e => e.Pass).ToListAsync(cancellationToken);
            if (passes.Count == 0 && PaperRules.CheckCanStart(tally) is { } full)
            {
                return PaperResult.Fail(full, conflict: true);
            }
            if (!meeting.DoubleEntry)
            {
                // Passes left from before the meeting was switched to single entry give way to this typing.
                await DeletePassesAsync(meeting.Id, slip.Serial, cancellationToken);
                return PaperResult.Ok(await FinishAsync(sheet, meeting, slip, cancellationToken));
            }
            if (PaperRules.CheckNextPass(passes.Select(p => p.EnteredBy).ToList(), clerk) is { } passError)
            {
                return PaperResult.Fail(passError, conflict: true);
            }
            var diff = passes.Count == 0 ? [] : PaperRules.Compare(PassOf(passes[0]), slip.Pass);
            if (passes.Count == 1 && diff.Count == 0)
            {
                await DeletePassesAsync(meeting.Id, slip.Serial, cancellationToken);
                return PaperResult.Ok($"第 {slip.Serial} 号第二遍与第一遍一致。{await FinishAsync(sheet, meeting, slip, cancellationToken)}");
            }
            db.PaperEntries.Add(new PaperEntry
            {
                MeetingId = meeting.Id,
                Serial = slip.Serial,
                Pass = passes.Count + 1,
                EnteredBy = clerk,
                IsVoid = slip.Pass.IsVoid,
                VoidReason = slip.Pass.VoidReason,
                AnswersJson = PaperRules.ToJson(slip.Pass.Answers),
            });
            return PaperResult.Ok(passes.Count == 0
                ? $"第 {slip.Serial} 号已保存（第一遍）。"
                : $"第 {slip.Serial} 号第二遍与第一遍有 {diff.Count} 处不一致，已列入待核对，暂不计入。");
        }, AuditActions.PaperEntry, cancellationToken);
    }

    /// <summary>Stores the correct values of a slip whose two passes differ, and deletes both passes.</summary>
    public async Task<PaperResult> ResolveAsync(PaperSheet sheet, int serial, PaperInput input, CancellationToken cancellationToken = default)
    {
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var slip = await CheckAsync(sheet, serial, input, fieldErrors, cancellationToken);
        if (slip is null)
        {
            return Refused(sheet, fieldErrors);
        }
        return await InTransactionAsync(sheet, serial, async (meeting, _) =>
        {
            if (!await IsMismatchAsync(meeting.Id, serial, cancellationToken))
            {
                return PaperResult.Fail($"第 {serial} 号没有待核对的两遍录入（可能已由他人处理）。", conflict: true);
            }
            await DeletePassesAsync(meeting.Id, serial, cancellationToken);
            return PaperResult.Ok($"第 {serial} 号已核对。{await FinishAsync(sheet, meeting, slip, cancellationToken)}");
        }, AuditActions.PaperResolve, cancellationToken);
    }

    /// <summary>Deletes both passes of a mismatched slip, so that it is typed again from the start.</summary>
    public async Task<PaperResult> DiscardAsync(PaperSheet sheet, int serial, CancellationToken cancellationToken = default) =>
        sheet.Closed is { } closed ? PaperResult.Fail(closed, conflict: true)
            : await InTransactionAsync(sheet, serial, async (meeting, _) =>
            {
                if (!await IsMismatchAsync(meeting.Id, serial, cancellationToken))
                {
                    return PaperResult.Fail($"第 {serial} 号没有待核对的两遍录入（可能已由他人处理）。", conflict: true);
                }
                await DeletePassesAsync(meeting.Id, serial, cancellationToken);
                return PaperResult.Ok($"第 {serial} 号的两遍录入已作废，请重新录入两遍。");
            }, AuditActions.PaperResolve, cancellationToken);

    private async Task<bool> IsMismatchAsync(int meetingId, int serial, CancellationToken cancellationToken) =>
        await db.PaperEntries.CountAsync(e => e.MeetingId == meetingId && e.Serial == serial, cancellationToken) == 2;

    private Task<int> DeletePassesAsync(int meetingId, int serial, CancellationToken cancellationToken) =>
        db.PaperEntries.Where(e => e.MeetingId == meetingId && e.Serial == serial).ExecuteDeleteAsync(cancellationToken);

    private static PaperResult Refused(PaperSheet sheet, Dictionary<string, string> fieldErrors)
    {
        if (sheet.Closed is { } closed)
        {
            return PaperResult.Fail(closed, conflict: true);
        }
        var general = fieldErrors.Remove("", out var g) ? g : null;
        return PaperResult.Invalid(fieldErrors, general);
    }

    public static PaperPass PassOf(PaperEntry e) => new(e.IsVoid, e.VoidReason, PaperRules.FromJson(e.AnswersJson));

    /// <summary>
    /// Checks what can be checked without the database: the void reason, the digits, and (for a
    /// slip that is not void) the answers against BallotRules exactly as the phone ballot does.
    /// </summary>
    private async Task<CheckedSlip?> CheckAsync(PaperSheet sheet, int serial, PaperInput input, Dictionary<string, string> fieldErrors,
        CancellationToken cancellationToken)
    {
        if (sheet.Closed is not null)
        {
            return null;
        }
        if (PaperRules.CheckVoidReason(input.IsVoid, input.VoidReason) is { } voidError)
        {
            fieldErrors["voidReason"] = voidError;
        }
        var fields = sheet.Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        if (input.Typed.Count > MaxTypedFields || input.Typed.Keys.Any(k => !fields.ContainsKey(k)))
        {
            fieldErrors[""] = "提交的内容包含测评表中没有的项目。";
            return null;
        }
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var raw = new RawAnswers();
        foreach (var field in fields.Values)
        {
            var (values, error) = PaperRules.Translate(field.Item, input.Typed.GetValueOrDefault(field.Key));
            if (error is not null)
            {
                fieldErrors[field.Key] = error;
            }
            answers[field.Key] = values;
            raw[(field.SubjectId, field.Item.Key)] = values;
        }
        if (!input.IsVoid)
        {
            var scope = new BallotScope(sheet.Campaign.Id, sheet.Meeting.RaterGroupId!.Value, sheet.Assignments, BallotChannel.Paper);
            var build = await builder.BuildAsync(scope, raw, sheet.Meeting.HeldOn, cancellationToken);
            foreach (var ((subjectId, itemKey), error) in build.Errors)
            {
                fieldErrors.TryAdd(PaperRules.FieldKey(subjectId, itemKey), error);
            }
            if (build.General.Count > 0)
            {
                fieldErrors.TryAdd("", build.General[0]);
            }
        }
        if (fieldErrors.Count > 0)
        {
            return null;
        }
        var reason = input.IsVoid ? input.VoidReason!.Trim() : null;
        // A void slip keeps no answers: nothing of it is counted, and two clerks need only agree that it is void and why.
        return new CheckedSlip(serial, new PaperPass(input.IsVoid, reason, input.IsVoid ? new Dictionary<string, IReadOnlyList<string>>() : answers), raw);
    }

    /// <summary>
    /// Settles a slip: consumes the token printed on it (a code already used online makes the slip
    /// void), then stores the ballot and marks the slip counted, or records it void. Returns what the clerk is told.
    /// </summary>
    private async Task<string> FinishAsync(PaperSheet sheet, Meeting meeting, CheckedSlip slip, CancellationToken cancellationToken)
    {
        var row = await db.PaperSlips.FirstOrDefaultAsync(s => s.MeetingId == meeting.Id && s.Serial == slip.Serial, cancellationToken);
        if (row is null)
        {
            row = new PaperSlip { MeetingId = meeting.Id, Serial = slip.Serial };
            db.PaperSlips.Add(row);
        }
        var voidReason = slip.Pass.IsVoid ? slip.Pass.VoidReason : null;
        if (row.TokenId is { } tokenId)
        {
            var claimed = await db.Tokens.Where(t => t.Id == tokenId && t.State == TokenState.Unused)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TokenState.Used), cancellationToken);
            if (claimed == 0 && !slip.Pass.IsVoid)
            {
                var state = await db.Tokens.Where(t => t.Id == tokenId).Select(t => t.State).SingleAsync(cancellationToken);
                voidReason = state == TokenState.Void ? PaperRules.TokenVoided : PaperRules.TokenUsedOnline;
            }
        }
        if (voidReason is not null)
        {
            row.State = PaperSlipState.Void;
            row.VoidReason = voidReason;
            return slip.Pass.IsVoid ? $"第 {slip.Serial} 号已记为无效票。" : $"第 {slip.Serial} 号{voidReason}，已记为无效票，不计入。";
        }
        var scope = new BallotScope(sheet.Campaign.Id, meeting.RaterGroupId!.Value, sheet.Assignments, BallotChannel.Paper);
        // Dated with the meeting day, when the rater filled the form: the same date on every slip of
        // the meeting, so the day a slip happened to be typed cannot single it out.
        var build = await builder.BuildAsync(scope, slip.Raw, meeting.HeldOn, cancellationToken);
        await BallotBatchSql.InsertAsync(db, build.Submission!.Ballots);
        row.State = PaperSlipState.Counted;
        row.VoidReason = null;
        return $"第 {slip.Serial} 号已保存，计入有效票。";
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction after locking the meeting row (re-read, so
    /// the number of forms cannot change underneath), then audits the meeting's counts. A refusal
    /// or a lost race rolls everything back.
    /// </summary>
    private async Task<PaperResult> InTransactionAsync(PaperSheet sheet, int serial, Func<Meeting, MeetingTally, Task<PaperResult>> work, string action,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = sheet.Meeting.Id;
        await db.Meetings.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.FormsReturned, m => m.FormsReturned), cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        if (PaperRules.CheckSerial(serial, meeting.FormsIssued) is { } serialError)
        {
            return PaperResult.Invalid(new Dictionary<string, string> { ["serial"] = serialError });
        }
        var result = await work(meeting, await MeetingTallies.OfAsync(db, meeting, CancellationToken.None));
        if (!result.Succeeded)
        {
            return result;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var tally = await MeetingTallies.OfAsync(db, meeting, CancellationToken.None);
            audit.Add(action, AuditOutcome.Success, "Meeting", id.ToString(CultureInfo.InvariantCulture),
                $"{meeting.Title}：{PaperRules.Describe(tally)}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException)
        {
            // A unique index refused the row: another clerk settled or typed this serial at the same moment.
            db.ChangeTracker.Clear();
            return PaperResult.Fail($"第 {serial} 号刚刚由他人录入，请刷新页面后再试。", conflict: true);
        }
    }
}
