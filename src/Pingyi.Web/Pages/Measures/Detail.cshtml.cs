using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Measures;

/// <summary>
/// One measure: its history, progress notes, starting and submitting (the responsible side), and
/// the verification form (a superior of the responsible organisation only).
/// </summary>
// Just over the largest attachment, so an oversized file still reaches the handler and gets a Chinese message.
[RequestSizeLimit(UploadLimit)]
[UploadLimit(UploadLimit)]
public class DetailModel(AppDbContext db, OrgScope scope, MeasureCommands commands, TimeProvider clock) : PageModel
{
    public const long UploadLimit = MeasureAttachment.MaxBytes + 1024 * 1024;

    public Measure Measure { get; private set; } = null!;

    public Problem Problem { get; private set; } = null!;

    public string OrganizationName { get; private set; } = "";

    public List<MeasureNote> Notes { get; private set; } = [];

    public List<MeasureAttachment> Attachments { get; private set; } = [];

    public List<MeasureVerification> Verifications { get; private set; } = [];

    /// <summary>The caller manages the responsible organisation: may note progress, start and submit.</summary>
    public bool IsResponsibleSide { get; private set; }

    /// <summary>The caller is a superior of the responsible organisation: may verify.</summary>
    public bool IsSuperior { get; private set; }

    public DateOnly Today => CampaignPlan.Today(clock);

    [BindProperty]
    public string? Progress { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? InPlace { get; set; }

    [BindProperty]
    public string? InPlaceRemark { get; set; }

    [BindProperty]
    public string? Reasonable { get; set; }

    [BindProperty]
    public string? ReasonableRemark { get; set; }

    [BindProperty]
    public string? Effective { get; set; }

    [BindProperty]
    public string? EffectiveRemark { get; set; }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    public async Task<IActionResult> OnPostProgressAsync(int id) =>
        !ModelState.IsValid ? await InvalidAsync(id) : await ResultAsync(id, await commands.ProgressAsync(id, Progress), "整改进展已记录。");

    public async Task<IActionResult> OnPostStartAsync(int id) =>
        !ModelState.IsValid ? await InvalidAsync(id) : await ResultAsync(id, await commands.StartAsync(id), "已开始整改。");

    public async Task<IActionResult> OnPostSubmitAsync(int id, IFormFile? file)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id);
        }
        Upload? upload = null;
        // A form sent without choosing a file carries an empty part with no name: no attachment.
        if (file is not null && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)))
        {
            if (file.Length > MeasureAttachment.MaxBytes)
            {
                // Refused before reading it: the size alone decides.
                var (_, _, tooBig) = AttachmentRules.Check(file.FileName, file.Length, []);
                return await ResultAsync(id, CommandResult.Fail(tooBig!), "");
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer);
            upload = new Upload(file.FileName, buffer.ToArray());
        }
        return await ResultAsync(id, await commands.SubmitAsync(id, Evidence, upload), "已提交验收，等待上级组织验收。");
    }

    public async Task<IActionResult> OnPostVerifyAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id);
        }
        var input = new VerificationInput(YesNo(InPlace), InPlaceRemark, YesNo(Reasonable), ReasonableRemark, YesNo(Effective), EffectiveRemark);
        var result = await commands.VerifyAsync(id, input);
        if (result.Error == MeasureCommands.NotSuperior)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        var passed = input is { InPlace: true, Reasonable: true, Effective: true };
        return await ResultAsync(id, result, passed ? "验收通过。" : "已退回重新整改。");
    }

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    private async Task<IActionResult> InvalidAsync(int id)
    {
        ModelState.Clear();
        return await FailAsync(id, "填写的内容格式不正确，请检查后重试。");
    }

    private async Task<IActionResult> FailAsync(int id, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ResultAsync(int id, CommandResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(id, error);
        }
        TempData["Message"] = message;
        return Redirect($"/Measures/Detail/{id}");
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        if (await scope.FindMeasureAsync(id) is not { } measure)
        {
            return NotFound();
        }
        Measure = measure;
        Problem = await db.Problems.AsNoTracking().FirstAsync(p => p.Id == measure.ProblemId);
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == measure.ResponsibleOrganizationId);
        OrganizationName = org.Name;
        IsResponsibleSide = await scope.ContainsAsync(org);
        IsSuperior = await scope.IsSuperiorOfAsync(org);
        Notes = await db.MeasureNotes.AsNoTracking().Where(n => n.MeasureId == id).OrderBy(n => n.Id).ToListAsync();
        Attachments = await db.MeasureAttachments.AsNoTracking().Where(a => a.MeasureId == id).OrderBy(a => a.Id).ToListAsync();
        Verifications = await db.MeasureVerifications.AsNoTracking().Where(v => v.MeasureId == id).OrderBy(v => v.Id).ToListAsync();
        return Page();
    }
}
