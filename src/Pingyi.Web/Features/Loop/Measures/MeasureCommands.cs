using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Measures;

/// <summary>An uploaded file, read into memory (at most <see cref="MeasureAttachment.MaxBytes"/>).</summary>
public sealed record Upload(string? FileName, byte[] Content);

/// <summary>到位 / 合理 / 有效, each yes, no or not answered, with a remark.</summary>
public sealed record VerificationInput(bool? InPlace, string? InPlaceRemark, bool? Reasonable, string? ReasonableRemark,
    bool? Effective, string? EffectiveRemark);

/// <summary>
/// A measure's life after it is set: progress notes, starting, submitting with evidence and an
/// optional file, and the superior's verification. Every state change goes through
/// <see cref="MeasureStates.Apply"/> and is saved with its history line and audit row; the state is
/// a concurrency token, so of two people acting at once one wins and the other is told to refresh.
/// </summary>
public sealed class MeasureCommands(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock,
    IHttpContextAccessor http, AttachmentStore store)
{
    public const string NotSuperior = "只有责任组织的上级组织才能验收整改措施。";
    public const string NotResponsible = "只有责任组织才能记录整改情况。";

    private string UserName => Truncate(http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "", 256);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => CampaignPlan.Today(clock);

    public async Task<CommandResult> ProgressAsync(int id, string? text)
    {
        if (await LoadAsync(id) is not ({ } measure, { } org))
        {
            return CommandResult.Missing;
        }
        if (!await scope.ContainsAsync(org))
        {
            return CommandResult.Fail(NotResponsible);
        }
        if (measure.State == MeasureState.Verified)
        {
            return CommandResult.Fail(MeasureStates.Apply(measure.State, MeasureAction.Start).Error!);
        }
        var length = text?.Trim().Length ?? 0;
        if (length == 0 || length > MeasureNote.TextMaxLength)
        {
            return CommandResult.Fail(length == 0 ? "请填写整改进展。" : $"整改进展最多{MeasureNote.TextMaxLength}个字。");
        }
        Note(measure, MeasureNoteKind.Progress, text!.Trim());
        audit.Add(AuditActions.MeasureProgress, AuditOutcome.Success, "Measure", Id(measure.Id), $"{org.Name}记录整改进展");
        return await SaveAsync(measure);
    }

    public async Task<CommandResult> StartAsync(int id)
    {
        if (await LoadAsync(id) is not ({ } measure, { } org))
        {
            return CommandResult.Missing;
        }
        if (!await scope.ContainsAsync(org))
        {
            return CommandResult.Fail(NotResponsible);
        }
        var from = measure.State;
        if (Move(measure, MeasureAction.Start) is { } error)
        {
            return CommandResult.Fail(error);
        }
        Note(measure, MeasureNoteKind.Started, "开始整改。");
        Transition(measure, org, from, "");
        return await SaveAsync(measure);
    }

    /// <summary>
    /// Submits for verification with the evidence text and, optionally, one file. A refused file
    /// stores nothing; the file is written before the rows and deleted again if they are not saved.
    /// </summary>
    public async Task<CommandResult> SubmitAsync(int id, string? evidence, Upload? upload)
    {
        if (await LoadAsync(id) is not ({ } measure, { } org))
        {
            return CommandResult.Missing;
        }
        if (!await scope.ContainsAsync(org))
        {
            return CommandResult.Fail(NotResponsible);
        }
        var length = evidence?.Trim().Length ?? 0;
        if (length == 0 || length > Measure.EvidenceMaxLength)
        {
            return CommandResult.Fail(length == 0 ? "请填写完成情况。" : $"完成情况最多{Measure.EvidenceMaxLength}个字。");
        }
        (string Type, string Name)? file = null;
        if (upload is not null)
        {
            var (type, name, invalid) = AttachmentRules.Check(upload.FileName, upload.Content.LongLength, upload.Content.AsSpan(0, Math.Min(16, upload.Content.Length)));
            if (invalid is not null)
            {
                return CommandResult.Fail(invalid);
            }
            file = (type!, name!);
        }
        var from = measure.State;
        if (Move(measure, MeasureAction.Submit) is { } error)
        {
            return CommandResult.Fail(error);
        }
        measure.Evidence = evidence!.Trim();
        measure.SubmittedOn = Today;
        Note(measure, MeasureNoteKind.Submitted, Truncate("提交验收。完成情况：" + measure.Evidence, MeasureNote.TextMaxLength));
        if (file is not { } f)
        {
            Transition(measure, org, from, "");
            return await SaveAsync(measure);
        }
        var (stored, sha) = await store.WriteAsync(upload!.Content);
        try
        {
            db.MeasureAttachments.Add(new MeasureAttachment
            {
                MeasureId = measure.Id,
                FileName = f.Name,
                ContentType = f.Type,
                Length = upload.Content.LongLength,
                StoredName = stored,
                Sha256 = sha,
                UploadedBy = UserName,
                UploadedUtc = Now,
            });
            Transition(measure, org, from, $"，附件“{f.Name}”（{AttachmentRules.Describe(f.Type)}，{upload.Content.LongLength}字节，SHA-256 {sha}）");
            var result = await SaveAsync(measure);
            if (!result.Succeeded)
            {
                store.Delete(stored);
            }
            return result;
        }
        catch
        {
            store.Delete(stored);
            throw;
        }
    }

    /// <summary>
    /// 验收 by a superior of the responsible organisation: all three yes verifies the measure, any no
    /// sends it back to 整改中 with the reasons in its history. The verification is kept either way.
    /// </summary>
    public async Task<CommandResult> VerifyAsync(int id, VerificationInput input)
    {
        if (await LoadAsync(id) is not ({ } measure, { } org))
        {
            return CommandResult.Missing;
        }
        if (!await scope.IsSuperiorOfAsync(org))
        {
            await audit.WriteAsync(AuditActions.Denied, AuditOutcome.Denied, "Measure", Id(measure.Id), $"验收：{NotSuperior}（{org.Name}）");
            return CommandResult.Fail(NotSuperior);
        }
        var errors = MeasureRules.CheckVerification(input.InPlace, input.InPlaceRemark, input.Reasonable, input.ReasonableRemark,
            input.Effective, input.EffectiveRemark);
        if (errors.Count > 0)
        {
            return CommandResult.Fail(string.Join(" ", errors));
        }
        var verification = new MeasureVerification
        {
            MeasureId = measure.Id,
            InPlace = input.InPlace!.Value,
            InPlaceRemark = Remark(input.InPlaceRemark),
            Reasonable = input.Reasonable!.Value,
            ReasonableRemark = Remark(input.ReasonableRemark),
            Effective = input.Effective!.Value,
            EffectiveRemark = Remark(input.EffectiveRemark),
            VerifierOrganizationId = scope.RootId ?? org.ParentId ?? org.Id,
            By = UserName,
            On = Today,
            AtUtc = Now,
        };
        var from = measure.State;
        if (Move(measure, verification.Passed ? MeasureAction.Verify : MeasureAction.SendBack) is { } error)
        {
            return CommandResult.Fail(error);
        }
        if (verification.Passed)
        {
            measure.VerifiedOn = Today;
            Note(measure, MeasureNoteKind.Verified, "验收通过：到位、合理、有效。");
        }
        else
        {
            measure.SentBackCount++;
            Note(measure, MeasureNoteKind.SentBack, Truncate(MeasureRules.SendBackReasons(verification), MeasureNote.TextMaxLength));
        }
        db.MeasureVerifications.Add(verification);
        audit.Add(AuditActions.MeasureVerify, AuditOutcome.Success, "Measure", Id(measure.Id),
            $"{org.Name}：{MeasureStates.Labels[from]} → {(verification.Passed ? MeasureStates.Labels[measure.State] : $"{MeasureStates.SentBackLabel}（{MeasureStates.Labels[measure.State]}）")}");
        return await SaveAsync(measure);
    }

    private async Task<(Measure Measure, Organization Org)?> LoadAsync(int id)
    {
        if (await scope.FindMeasureAsync(id) is not { } measure)
        {
            return null;
        }
        return (measure, await db.Organizations.FirstAsync(o => o.Id == measure.ResponsibleOrganizationId));
    }

    private static string? Move(Measure measure, MeasureAction action)
    {
        var (next, error) = MeasureStates.Apply(measure.State, action);
        if (next is { } state)
        {
            measure.State = state;
        }
        return error;
    }

    private void Note(Measure measure, MeasureNoteKind kind, string text) =>
        db.MeasureNotes.Add(new MeasureNote { MeasureId = measure.Id, Kind = kind, Text = text, By = UserName, AtUtc = Now });

    private void Transition(Measure measure, Organization org, MeasureState from, string extra) =>
        audit.Add(AuditActions.MeasureTransition, AuditOutcome.Success, "Measure", Id(measure.Id),
            $"{org.Name}：{MeasureStates.Labels[from]} → {MeasureStates.Labels[measure.State]}{extra}");

    private async Task<CommandResult> SaveAsync(Measure measure)
    {
        try
        {
            await db.SaveChangesAsync();
            return CommandResult.Ok(measure.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail(ProblemCommands.Conflict);
        }
    }

    private static string? Remark(string? remark) => string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
