using Pingyi.Domain.Meetings;

namespace Pingyi.Web.Features.Paper;

/// <summary>
/// The typed fields of one slip as the entry and mismatch pages render them: the values shown
/// again (kept on an error, or the agreed ones on the mismatch page), one error per field, and the
/// field that gets the focus.
/// </summary>
public sealed class PaperForm(PaperSheet sheet)
{
    public const string FieldPrefix = "d_";

    public PaperSheet Sheet { get; } = sheet;

    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The "subjectId_itemKey" of the field that gets autofocus; null when another element has it.</summary>
    public string? Focus { get; init; }

    public static string InputId(string key) => FieldPrefix + key;

    /// <summary>
    /// The typed fields of a posted form (d_{subjectId}_{itemKey}); null when a field was posted
    /// twice, which no page of ours does.
    /// </summary>
    public static Dictionary<string, string?>? Read(IFormCollection form)
    {
        var typed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, values) in form.Where(f => f.Key.StartsWith(FieldPrefix, StringComparison.Ordinal)))
        {
            if (values.Count > 1)
            {
                return null;
            }
            typed[name[FieldPrefix.Length..]] = values.ToString();
        }
        return typed;
    }

    /// <summary>The first field with an error, else the first field: where the cursor should be.</summary>
    public static string? FocusOf(PaperSheet sheet, IReadOnlyDictionary<string, string> errors) =>
        sheet.Fields.Select(f => f.Key).FirstOrDefault(errors.ContainsKey) ?? sheet.Fields.Select(f => f.Key).FirstOrDefault();

    /// <summary>What a kept pass says for each field, as the clerk typed it (digits, or the text).</summary>
    public static Dictionary<string, string?> DigitsOf(PaperSheet sheet, PaperPass pass) =>
        sheet.Fields.ToDictionary(f => f.Key,
            f => pass.Answers.TryGetValue(f.Key, out var values) ? PaperRules.Digits(f.Item, values) : (string?)"", StringComparer.Ordinal);
}

/// <summary>The void flag and reason of a slip as the pages render them, with the reason's error and whether it gets the focus.</summary>
public sealed record PaperVoid(bool IsVoid, string? Reason, string? Error, bool Focus);
