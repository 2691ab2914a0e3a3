using Pingyi.Domain.Forms;

namespace Pingyi.Web.Pages.Shared;

/// <summary>
/// What _BallotForm renders: a form version's questions, with the answers already entered and
/// the per-item errors when a submitted ballot is shown again. The preview passes neither.
/// </summary>
public sealed class BallotView(FormVersion version)
{
    /// <summary>Score items up to this maximum are a row of radio buttons; larger ones a number box.</summary>
    public const int MaxScoreAsRadios = 10;

    public FormVersion Version { get; } = version;

    /// <summary>The posted values per item key (several for a multiple-choice item).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>One Chinese message per item key that was answered wrongly.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The form field of an item: the key stays the same across versions, ids do not.</summary>
    public static string FieldName(FormItem item) => "q_" + item.Key;

    public string? ErrorOf(FormItem item) => Errors.GetValueOrDefault(item.Key);

    public string? ValueOf(FormItem item) => Answers.GetValueOrDefault(item.Key)?.FirstOrDefault();

    public bool IsChosen(FormItem item, int value) =>
        Answers.GetValueOrDefault(item.Key)?.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) == true;

    /// <summary>The choices of a radio or checkbox item as (stored value, label).</summary>
    public static IEnumerable<(int Value, string Label)> ChoicesOf(FormItem item) => item.Kind switch
    {
        ItemKind.Grade => GradeScales.Of(item.Scale).Select(l => (l.Value, l.Label)),
        ItemKind.Score => Enumerable.Range(0, item.MaxScore + 1).Select(s => (s, s.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ItemKind.SingleChoice or ItemKind.MultipleChoice => item.Options.Select((o, i) => (i + 1, o)),
        _ => [],
    };
}
