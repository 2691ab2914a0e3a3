using Pingyi.Domain.Ballots;
using Pingyi.Domain.Meetings;

namespace Pingyi.Web.Features.Paper;

/// <summary>One slip as the clerk typed it: the serial as text (so "abc" gets a clear message), the void flag and reason, and the digits per "subjectId_itemKey".</summary>
public sealed record PaperInput(string? Serial, bool IsVoid, string? VoidReason, IReadOnlyDictionary<string, string?> Typed);

/// <summary>
/// The outcome of typing or resolving a slip: a success message, or the refusal (one message for
/// the slip as a whole, and one per field: "serial", "voidReason" or "subjectId_itemKey").
/// </summary>
public sealed record PaperResult(string? Message, string? Error, IReadOnlyDictionary<string, string> FieldErrors, bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Message is not null;

    public static PaperResult Ok(string message) => new(message, null, new Dictionary<string, string>());

    public static PaperResult Fail(string error, bool conflict = false) => new(null, error, new Dictionary<string, string>(), Conflict: conflict);

    public static PaperResult Invalid(IReadOnlyDictionary<string, string> fields, string? error = null) =>
        new(null, error ?? "录入的内容有误，请按提示逐项改正后再保存。", fields);

    public static readonly PaperResult Missing = new(null, null, new Dictionary<string, string>(), NotFound: true);
}

/// <summary>A slip checked and translated: the pass to keep or compare, and the raw answers for the ballot builder.</summary>
internal sealed record CheckedSlip(int Serial, PaperPass Pass, RawAnswers Raw);
