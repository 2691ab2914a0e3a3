using System.Globalization;
using Pingyi.Domain.Forms;

namespace Pingyi.Web.Pages.Shared;

/// <summary>A subject the rater appraises: its id (part of the field names) and the name shown.</summary>
public sealed record BallotSubject(int Id, string Name);

/// <summary>
/// What _BallotForm renders: a form version's questions, with the answers already entered and
/// the errors when a submitted ballot is shown again. The preview passes no subjects, and its
/// fields are q_{itemKey}; a real ballot names each field q_{subjectId}_{itemKey}, and with
/// several subjects every item becomes a matrix row per subject.
/// </summary>
public sealed class BallotView(FormVersion version)
{
    /// <summary>Score items up to this maximum are a row of radio buttons; larger ones a number box.</summary>
    public const int MaxScoreAsRadios = 10;

    public FormVersion Version { get; } = version;

    public IReadOnlyList<BallotSubject> Subjects { get; init; } = [];

    /// <summary>Keeps element ids unique when several forms share one page.</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>The posted values per field name (several for a multiple-choice item).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>One Chinese message per field name that was answered wrongly.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public bool IsMatrix => Subjects.Count > 1;

    /// <summary>The subjects to render rows for; the preview has one row without a subject.</summary>
    public IEnumerable<BallotSubject?> Rows => Subjects.Count == 0 ? new BallotSubject?[] { null } : Subjects.Cast<BallotSubject?>();

    /// <summary>The form field of an item: the key stays the same across versions, ids do not.</summary>
    public static string FieldName(FormItem item, int? subjectId = null) =>
        subjectId is { } s ? string.Create(CultureInfo.InvariantCulture, $"q_{s}_{item.Key}") : "q_" + item.Key;

    public string ElementId(FormItem item) => $"{IdPrefix}q-{item.Key}";

    public string? ErrorOf(FormItem item, BallotSubject? subject) => Errors.GetValueOrDefault(FieldName(item, subject?.Id));

    public string? ValueOf(FormItem item, BallotSubject? subject) => Answers.GetValueOrDefault(FieldName(item, subject?.Id))?.FirstOrDefault();

    public bool IsChosen(FormItem item, BallotSubject? subject, int value) =>
        Answers.GetValueOrDefault(FieldName(item, subject?.Id))?.Contains(value.ToString(CultureInfo.InvariantCulture)) == true;

    /// <summary>The choices of a radio or checkbox item as (stored value, label).</summary>
    public static IEnumerable<(int Value, string Label)> ChoicesOf(FormItem item) => item.Kind switch
    {
        ItemKind.Grade => GradeScales.Of(item.Scale).Select(l => (l.Value, l.Label)),
        ItemKind.Score => Enumerable.Range(0, item.MaxScore + 1).Select(s => (s, s.ToString(CultureInfo.InvariantCulture))),
        ItemKind.SingleChoice or ItemKind.MultipleChoice => item.Options.Select((o, i) => (i + 1, o)),
        _ => [],
    };
}
