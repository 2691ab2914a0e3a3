using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Paper;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>
/// 录入纸质测评票: one returned slip per submission, typed with digits and Tab only. A save answers
/// 303 back to an empty form with the next serial filled in; an error shows the slip again with
/// every message beside its field and nothing stored.
/// </summary>
public class EntryModel(PaperEntryService paper) : PageModel
{
    public const string Malformed = "填写的内容格式不正确，请检查后重试。";

    public PaperSheet Sheet { get; private set; } = null!;

    public MeetingTally Tally { get; private set; } = null!;

    public PaperForm Form { get; private set; } = null!;

    public int MismatchCount { get; private set; }

    public PaperVoid Void => new(IsVoid, VoidReason, Errors.GetValueOrDefault("voidReason"), Form.Focus is null && !FocusSerial);

    /// <summary>Bound as text, so "abc" or "-1" get the same clear message as 99999.</summary>
    [BindProperty]
    public string? Serial { get; set; }

    [BindProperty]
    public bool IsVoid { get; set; }

    [BindProperty]
    public string? VoidReason { get; set; }

    /// <summary>The last save's message, carried over the redirect.</summary>
    [TempData]
    public string? Saved { get; set; }

    public string? Error { get; private set; }

    public Dictionary<string, string> Errors { get; private set; } = [];

    /// <summary>Whether the serial box gets the focus (no serial to suggest, or the serial was wrong).</summary>
    public bool FocusSerial { get; private set; }

    /// <summary>No serial this clerk can type now (shown on a fresh form only).</summary>
    public bool NothingToType { get; private set; }

    public async Task<IActionResult> OnGetAsync(int meetingId)
    {
        if (await paper.OpenAsync(meetingId, HttpContext.RequestAborted) is not { } sheet)
        {
            return NotFound();
        }
        await ShowAsync(sheet, new Dictionary<string, string?>());
        var next = await paper.NextSerialAsync(sheet.Meeting, Tally);
        Serial = next?.ToString(CultureInfo.InvariantCulture);
        FocusSerial = NothingToType = next is null;
        Form = new PaperForm(sheet) { Focus = FocusSerial ? null : PaperForm.FocusOf(sheet, Errors) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meetingId)
    {
        if (await paper.OpenAsync(meetingId, HttpContext.RequestAborted) is not { } sheet)
        {
            return NotFound();
        }
        var typed = PaperForm.Read(Request.Form);
        if (!ModelState.IsValid || typed is null)
        {
            ModelState.Clear();
            Error = Malformed;
            await ShowAsync(sheet, typed ?? new Dictionary<string, string?>());
            return Page();
        }
        var result = await paper.SaveAsync(sheet, new PaperInput(Serial, IsVoid, VoidReason, typed), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            Saved = result.Message;
            Response.Headers.Location = $"/Meetings/Entry/{meetingId.ToString(CultureInfo.InvariantCulture)}";
            return new StatusCodeResult(StatusCodes.Status303SeeOther);
        }
        Error = result.Error;
        Errors = new Dictionary<string, string>(result.FieldErrors);
        await ShowAsync(sheet, typed);
        return Page();
    }

    private async Task ShowAsync(PaperSheet sheet, IReadOnlyDictionary<string, string?> typed)
    {
        Sheet = sheet;
        Tally = await paper.TallyAsync(sheet.Meeting);
        MismatchCount = (await paper.MismatchesAsync(sheet.Meeting)).Count;
        FocusSerial = Errors.ContainsKey("serial");
        Form = new PaperForm(sheet)
        {
            Values = typed,
            Errors = Errors,
            Focus = FocusSerial || Errors.ContainsKey("voidReason") && Errors.Count == 1 ? null : PaperForm.FocusOf(sheet, Errors),
        };
    }
}
