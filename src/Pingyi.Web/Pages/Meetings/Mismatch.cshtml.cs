using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Paper;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>
/// 核对不一致: the slips whose two passes differ; for one of them both passes side by side with the
/// differing fields marked, and the correct values to store (the agreed ones filled in), or both
/// passes discarded to be typed again.
/// </summary>
public class MismatchModel(PaperEntryService paper) : PageModel
{
    public PaperSheet Sheet { get; private set; } = null!;

    public MeetingTally Tally { get; private set; } = null!;

    public List<int> Serials { get; private set; } = [];

    /// <summary>The serial shown side by side, when it is a mismatch.</summary>
    public int? Selected { get; private set; }

    public PaperEntry? First { get; private set; }

    public PaperEntry? Second { get; private set; }

    public IReadOnlyDictionary<string, string?> FirstDigits { get; private set; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string?> SecondDigits { get; private set; } = new Dictionary<string, string?>();

    public HashSet<string> Differs { get; private set; } = [];

    public PaperForm Form { get; private set; } = null!;

    public PaperVoid Void { get; private set; } = null!;

    [BindProperty]
    public bool IsVoid { get; set; }

    [BindProperty]
    public string? VoidReason { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int meetingId, int? serial)
    {
        if (await paper.OpenAsync(meetingId, HttpContext.RequestAborted) is not { } sheet)
        {
            return NotFound();
        }
        await ShowAsync(sheet, serial, null, new Dictionary<string, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(int meetingId, int serial)
    {
        if (await paper.OpenAsync(meetingId, HttpContext.RequestAborted) is not { } sheet)
        {
            return NotFound();
        }
        var typed = PaperForm.Read(Request.Form);
        if (!ModelState.IsValid || typed is null)
        {
            ModelState.Clear();
            Error = EntryModel.Malformed;
            await ShowAsync(sheet, serial, null, new Dictionary<string, string>());
            return Page();
        }
        var result = await paper.ResolveAsync(sheet, serial, new PaperInput(null, IsVoid, VoidReason, typed), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Done(meetingId, result.Message!);
        }
        Error = result.Error;
        await ShowAsync(sheet, serial, typed, result.FieldErrors);
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(int meetingId, int serial)
    {
        if (await paper.OpenAsync(meetingId, HttpContext.RequestAborted) is not { } sheet)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            Error = EntryModel.Malformed;
            await ShowAsync(sheet, serial, null, new Dictionary<string, string>());
            return Page();
        }
        var result = await paper.DiscardAsync(sheet, serial, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Done(meetingId, result.Message!);
        }
        Error = result.Error;
        await ShowAsync(sheet, serial, null, new Dictionary<string, string>());
        return Page();
    }

    private StatusCodeResult Done(int meetingId, string message)
    {
        Saved = message;
        Response.Headers.Location = $"/Meetings/Mismatch/{meetingId.ToString(CultureInfo.InvariantCulture)}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    private async Task ShowAsync(PaperSheet sheet, int? serial, IReadOnlyDictionary<string, string?>? typed, IReadOnlyDictionary<string, string> errors)
    {
        Sheet = sheet;
        Tally = await paper.TallyAsync(sheet.Meeting);
        Serials = await paper.MismatchesAsync(sheet.Meeting);
        Form = new PaperForm(sheet);
        Void = new PaperVoid(IsVoid, VoidReason, null, false);
        if (serial is not { } s || sheet.Closed is not null || await paper.PassesAsync(sheet.Meeting, s) is not var (first, second))
        {
            return;
        }
        Selected = s;
        (First, Second) = (first, second);
        var (a, b) = (PaperEntryService.PassOf(first), PaperEntryService.PassOf(second));
        Differs = PaperRules.Compare(a, b).ToHashSet(StringComparer.Ordinal);
        FirstDigits = PaperForm.DigitsOf(sheet, a);
        SecondDigits = PaperForm.DigitsOf(sheet, b);
        var agreed = sheet.Fields.ToDictionary(f => f.Key, f => Differs.Contains(f.Key) ? "" : FirstDigits[f.Key], StringComparer.Ordinal);
        var focus = sheet.Fields.Select(f => f.Key).FirstOrDefault(errors.ContainsKey)
            ?? (errors.Count == 0 ? sheet.Fields.Select(f => f.Key).FirstOrDefault(Differs.Contains) : null);
        Form = new PaperForm(sheet) { Values = typed ?? agreed, Errors = errors, Focus = focus };
        var voidAgreed = !Differs.Contains(PaperRules.VoidField);
        Void = typed is not null
            ? new PaperVoid(IsVoid, VoidReason, errors.GetValueOrDefault("voidReason"), focus is null)
            : new PaperVoid(voidAgreed && a.IsVoid, voidAgreed && !Differs.Contains(PaperRules.VoidReasonField) ? a.VoidReason : null, null,
                focus is null && Differs.Count > 0);
    }
}
