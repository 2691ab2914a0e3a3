using System.Globalization;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Pages.Shared;

/// <summary>
/// What a rater's ballot page shows and reads, shared by the phone ballot (/V/Ballot) and the
/// standing QR page (/Q): the assignments as <see cref="BallotView"/>s, the answers kept and the
/// errors found on a failed submission, and the posted fields (q_{subjectId}_{itemKey}) read back
/// into <see cref="RawAnswers"/>.
/// </summary>
public sealed class BallotPageState
{
    public const string UnknownItem = "提交的内容包含测评表中没有的项目。";

    public List<BallotView> Parts { get; } = [];

    /// <summary>Problems with the submission as a whole, shown at the top.</summary>
    public List<string> General { get; } = [];

    public int ErrorCount { get; private set; }

    /// <summary>The element of the first item answered wrongly, for the summary's link.</summary>
    public string? FirstError { get; private set; }

    /// <summary>Shown as first opened (no answers kept, no errors), so the shared rendering of <see cref="BallotForms"/> fits.</summary>
    public bool IsPristine { get; private set; }

    public int QuestionCount => Parts.Sum(p => p.Version.Items.Count() * Math.Max(1, p.Subjects.Count));

    private IReadOnlyDictionary<string, IReadOnlyList<string>> _posted = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The answers of a posted form; a field name that names no subject is a general error.</summary>
    public RawAnswers Read(IFormCollection form)
    {
        _posted = form.Where(f => f.Key.StartsWith("q_", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);
        var raw = new RawAnswers();
        foreach (var (name, values) in _posted)
        {
            var parts = name.Split('_', 3);
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var subjectId))
            {
                AddGeneral(UnknownItem);
            }
            else
            {
                raw[(subjectId, parts[2])] = values;
            }
        }
        return raw;
    }

    /// <summary>
    /// Takes the build's general messages; true when the ballot may be stored. Otherwise the
    /// assignments are shown again with the answers as posted and each error beside its item.
    /// </summary>
    public bool Accept(BallotBuild build, IReadOnlyList<Assignment> assignments)
    {
        foreach (var message in build.General)
        {
            AddGeneral(message);
        }
        if (General.Count == 0 && build.IsValid)
        {
            return true;
        }
        var errors = build.Errors.ToDictionary(e => $"q_{e.Key.SubjectId.ToString(CultureInfo.InvariantCulture)}_{e.Key.ItemKey}", e => e.Value, StringComparer.Ordinal);
        Show(assignments, _posted, errors);
        return false;
    }

    /// <summary>The assignments as first opened: no answers, no errors.</summary>
    public void Show(IReadOnlyList<Assignment> assignments) =>
        Show(assignments, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());

    private void Show(IReadOnlyList<Assignment> assignments, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlyDictionary<string, string> errors)
    {
        IsPristine = answers.Count == 0 && errors.Count == 0;
        Parts.AddRange(assignments.Select(a => new BallotView(a.FormVersion!)
        {
            Subjects = CampaignPlan.Ordered(a.Subjects).Select(s => new BallotSubject(s.Id, CampaignRules.SubjectName(s))).ToList(),
            IdPrefix = $"a{a.Id.ToString(CultureInfo.InvariantCulture)}-",
            Answers = answers,
            Errors = errors,
        }));
        ErrorCount = errors.Count;
        FirstError = Parts.SelectMany(v => v.Version.Items.SelectMany(i => v.Rows.Select(s => (v, i, s))))
            .Where(x => x.v.ErrorOf(x.i, x.s) is not null)
            .Select(x => x.v.IsMatrix ? $"f-{BallotView.FieldName(x.i, x.s?.Id)}" : x.v.ElementId(x.i))
            .FirstOrDefault();
    }

    private void AddGeneral(string message)
    {
        if (!General.Contains(message))
        {
            General.Add(message);
        }
    }
}
