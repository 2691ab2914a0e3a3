using System.Globalization;
using System.Text;

namespace Pingyi.Domain.Loop;

/// <summary>A likely duplicate: two opinions and their similarity (0–1).</summary>
public sealed record SimilarPair(int FirstId, int SecondId, double Similarity);

/// <summary>
/// Suggests likely duplicate opinions for merging by character bigrams, which work for Chinese
/// without word segmentation: "挂号排队时间太长" and "挂号排队的时间太长了" share most bigrams
/// (挂号, 号排, 排队, 时间, 间太, 太长), while unrelated remarks share few. Similarity is the Dice
/// coefficient 2|A∩B| / (|A|+|B|) over the sets of bigrams of the normalised texts (letters and
/// digits only, full-width folded, Latin lower-cased). A suggestion only: a person merges.
/// </summary>
public static class OpinionSimilarity
{
    public const double DefaultThreshold = 0.5;

    /// <summary>Suggested pairs at or above <paramref name="threshold"/>, most similar first.</summary>
    public static IReadOnlyList<SimilarPair> Suggest(IReadOnlyList<(int Id, string Text)> opinions, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(opinions);
        var grams = opinions.Select(o => (o.Id, Grams: Bigrams(o.Text))).Where(o => o.Grams.Count > 0).ToList();
        // An inverted index keeps this near-linear for a campaign's thousands of remarks: only pairs sharing a bigram are scored.
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < grams.Count; i++)
        {
            foreach (var g in grams[i].Grams)
            {
                (index.TryGetValue(g, out var list) ? list : index[g] = []).Add(i);
            }
        }
        var shared = new Dictionary<(int, int), int>();
        foreach (var list in index.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var key = (list[a], list[b]);
                    shared[key] = shared.GetValueOrDefault(key) + 1;
                }
            }
        }
        return shared
            .Select(p => new SimilarPair(grams[p.Key.Item1].Id, grams[p.Key.Item2].Id,
                2.0 * p.Value / (grams[p.Key.Item1].Grams.Count + grams[p.Key.Item2].Grams.Count)))
            .Where(p => p.Similarity >= threshold)
            .OrderByDescending(p => p.Similarity).ThenBy(p => p.FirstId).ThenBy(p => p.SecondId)
            .ToList();
    }

    /// <summary>The Dice similarity of two texts' bigram sets (0 when either has none).</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Intersect(y).Count() / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var normal = Normalize(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < normal.Length; i++)
        {
            set.Add(normal.Substring(i, 2));
        }
        if (normal.Length == 1)
        {
            set.Add(normal);
        }
        return set;
    }

    private static string Normalize(string text)
    {
        var folded = (text ?? "").Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        return new string(folded.Where(char.IsLetterOrDigit).ToArray());
    }
}
