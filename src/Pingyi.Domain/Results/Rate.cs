namespace Pingyi.Domain.Results;

/// <summary>
/// A share of counted answers: <see cref="Numerator"/> of <see cref="N"/>. As 满意率 (glossary
/// "Formulas"): (满意 + 基本满意, plus 非常满意 on the 5-level scale) ÷ valid answers; as the strict
/// rate: (满意 + 非常满意) ÷ valid answers. Blank and void answers are never in <see cref="N"/>.
/// Kept as integers so that pages, exports and both databases print the same figure.
/// </summary>
public readonly record struct Rate(long Numerator, long N)
{
    public static readonly Rate Empty = new(0, 0);

    /// <summary>Numerator ÷ N, or null without valid answers.</summary>
    public double? Value => N > 0 ? (double)Numerator / N : null;

    /// <summary>The 95% Wilson score interval, or null without valid answers.</summary>
    public RateInterval? Interval => N > 0 ? Wilson.Interval(Numerator, N) : null;

    public Rate Add(Rate other) => new(Numerator + other.Numerator, N + other.N);

    /// <summary>"95.5%" (one decimal, half away from zero), or "—" without answers.</summary>
    public override string ToString() => RateFormat.Percent(this);
}

/// <summary>A closed interval of rates in 0..1.</summary>
public readonly record struct RateInterval(double Low, double High)
{
    /// <summary>Two rates are called different only when their intervals do not overlap.</summary>
    public bool Overlaps(RateInterval other) => Low <= other.High && other.Low <= High;

    /// <summary>"93.1%–97.2%".</summary>
    public override string ToString() => RateFormat.Interval(this);
}

/// <summary>
/// The Wilson score interval for a binomial proportion x/n (Wilson 1927; Newcombe 1998, method 3):
/// centre = (x + z²/2) ÷ (n + z²), half width = z ÷ (n + z²) × √(x(n − x)/n + z²/4).
/// Chosen over the textbook p ± z√(p(1−p)/n) because that one collapses to a zero-width interval
/// at 0% and 100% — exactly the small, unanimous groups these campaigns produce — and can leave 0..1.
/// </summary>
public static class Wilson
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    public static RateInterval Interval(long x, long n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, n);
        var z2 = z * z;
        var centre = (x + z2 / 2) / (n + z2);
        var half = z / (n + z2) * Math.Sqrt((double)x * (n - x) / n + z2 / 4);
        // Exact ends at 0 and n: floating point would otherwise print 0/20 as "0.0%–16.1%" with a -1e-17.
        var low = x == 0 ? 0 : Math.Max(0, centre - half);
        var high = x == n ? 1 : Math.Min(1, centre + half);
        return new RateInterval(low, high);
    }
}

/// <summary>How pages, exports and evidence texts print rates: percent, one decimal, half away from zero.</summary>
public static class RateFormat
{
    public const string None = "—";

    /// <summary>Exact on the integers, so 191/200 prints 95.5% and never 95.4% from a binary fraction.</summary>
    public static string Percent(Rate rate)
    {
        if (rate.N <= 0)
        {
            return None;
        }
        // Tenths of a percent, rounded half away from zero: floor((1000·x + n/2) / n) for x ≥ 0.
        var tenths = (rate.Numerator * 2000 + rate.N) / (rate.N * 2);
        return $"{tenths / 10}.{tenths % 10}%";
    }

    /// <summary>A rate given as a fraction 0..1 (an average, an interval end).</summary>
    public static string Percent(double? fraction)
    {
        if (fraction is not { } f || double.IsNaN(f))
        {
            return None;
        }
        // Through decimal: 0.955 as a double is 0.95499…; decimal keeps the 15 significant digits a rate has.
        var percent = Math.Round((decimal)f * 100m, 1, MidpointRounding.AwayFromZero);
        return percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>"93.1%–97.2%", or "—".</summary>
    public static string Interval(RateInterval? interval) =>
        interval is { } i ? $"{Percent(i.Low)}–{Percent(i.High)}" : None;

    /// <summary>"满意率78.3%（95%区间70.1%–85.0%）", the form evidence texts use.</summary>
    public static string WithInterval(string label, Rate rate) =>
        rate.N > 0 ? $"{label}{Percent(rate)}（95%区间{Interval(rate.Interval)}）" : $"{label}{None}";
}
