using System.Security.Cryptography;
using System.Text;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Results;

/// <summary>Rules that flag a ballot for an administrator's review; a flag never excludes a ballot by itself.</summary>
public static class SuspiciousBallots
{
    /// <summary>
    /// Fewer rating answers than this are never called straight-lining: on a form of three or four
    /// graded questions a satisfied rater honestly answers 满意 throughout, and such short ballots
    /// would drown the review list; from five on, one identical answer to every question is
    /// rare enough among considered answers to be worth a look.
    /// </summary>
    public const int StraightLineMinAnswers = 5;

    /// <summary>
    /// Straight-lining: the ballot holds at least <see cref="StraightLineMinAnswers"/> rating
    /// answers (grades and scores, over all its subjects), and on each scale all of them carry the
    /// same value (every grade on the 3-level scale 满意, every score out of 10 the same number …).
    /// Answers on different scales are not compared with each other: 满意 (1) and a score of 1 mean
    /// different things. Choice, text and blank answers are neither counted nor compared: a choice
    /// is a fact (how long the wait was), not a rating, and a rater ticking the same facts for
    /// every subject is no sign of inattention.
    /// </summary>
    public static bool IsStraightLine(IEnumerable<BallotAnswer> answers, IEnumerable<FormItem> items)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(items);
        var byId = items.ToDictionary(i => i.Id);
        var considered = answers
            .Where(a => a.Value is not null && byId.TryGetValue(a.ItemId, out var i) && i.Kind is ItemKind.Grade or ItemKind.Score)
            .Select(a => (Scale: ScaleOf(byId[a.ItemId]), Value: a.Value!.Value))
            .ToList();
        return considered.Count >= StraightLineMinAnswers
            && considered.GroupBy(a => a.Scale).All(g => g.Select(a => a.Value).Distinct().Count() == 1);
    }

    private static string ScaleOf(FormItem item) => item.Kind == ItemKind.Grade ? $"grade:{item.Scale}" : $"score:{item.MaxScore}";

    /// <summary>
    /// A hash of what a ballot says: its (subject, item, value) triples in a fixed order, never its
    /// text (opinions are free text the hash must not let anyone test guesses against, and a
    /// ballot stuffer varies them cheaply anyway). Two ballots with the same choices hash alike
    /// whatever order their answers came in.
    /// </summary>
    public static string ContentHash(IEnumerable<BallotAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var text = new StringBuilder();
        foreach (var a in answers.Where(a => a.Value is not null).OrderBy(a => a.SubjectId).ThenBy(a => a.ItemId).ThenBy(a => a.Value))
        {
            text.Append(a.SubjectId).Append(':').Append(a.ItemId).Append(':').Append(a.Value).Append(';');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
