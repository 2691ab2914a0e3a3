using Pingyi.Domain.Results;

namespace Pingyi.Domain.Loop;

/// <summary>
/// 整改满意度 of a set of opinions: each raiser's latest re-rating counts once.
/// 整改满意率 = (满意 + 基本满意) ÷ rated, as the glossary's 满意率; unrated opinions are not in N.
/// </summary>
public sealed record ReRatingTally(int Satisfied, int BasicallySatisfied, int Unsatisfied, int Unrated)
{
    public int Rated => Satisfied + BasicallySatisfied + Unsatisfied;

    public Rate Rate => new(Satisfied + BasicallySatisfied, Rated);

    public static ReRatingTally Of(IEnumerable<ReRating?> ratings)
    {
        int s = 0, b = 0, u = 0, none = 0;
        foreach (var rating in ratings)
        {
            switch (rating)
            {
                case ReRating.Satisfied: s++; break;
                case ReRating.BasicallySatisfied: b++; break;
                case ReRating.Unsatisfied: u++; break;
                default: none++; break;
            }
        }
        return new ReRatingTally(s, b, u, none);
    }
}
