namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// One rate as a chart draws it: a percentage with its 95% interval, or a suppressed cell that
/// carries only the caller's explanation (e.g. "不足5份") and no number at all, so a chart
/// cannot leak what suppression hides.
/// </summary>
public sealed record ChartRate
{
    private ChartRate(double? percent, double? low, double? high, string? text, string? suppressedText)
    {
        Percent = percent;
        Low = low;
        High = high;
        Text = text;
        SuppressedText = suppressedText;
    }

    /// <summary>The rate in percent (0–100); null when suppressed.</summary>
    public double? Percent { get; }

    /// <summary>Lower end of the 95% interval in percent, when there is one.</summary>
    public double? Low { get; }

    /// <summary>Upper end of the 95% interval in percent, when there is one.</summary>
    public double? High { get; }

    /// <summary>The value label, e.g. "95.5%"; null when suppressed.</summary>
    public string? Text { get; }

    /// <summary>What is shown instead of a suppressed figure.</summary>
    public string? SuppressedText { get; }

    public bool IsSuppressed => Percent is null;

    public bool HasInterval => Low is not null && High is not null;

    /// <summary>
    /// A shown rate; values are clamped to 0–100 and the interval ordered around the rate.
    /// <paramref name="text"/> is the label as the page's table prints it (default: one decimal).
    /// </summary>
    public static ChartRate Shown(double percent, double? low = null, double? high = null, string? text = null)
    {
        if (double.IsNaN(percent) || (low is { } l && double.IsNaN(l)) || (high is { } h && double.IsNaN(h)))
        {
            throw new ArgumentException("A chart rate must be a number.");
        }
        if ((low is null) != (high is null))
        {
            throw new ArgumentException("An interval needs both ends.");
        }
        var p = Clamp(percent);
        return new ChartRate(
            p,
            low is null ? null : Math.Min(Clamp(low.Value), p),
            high is null ? null : Math.Max(Clamp(high.Value), p),
            text ?? ChartText.Percent(p),
            null);
    }

    /// <summary>A rate not drawn: suppressed, or without answers; <paramref name="text"/> says which.</summary>
    public static ChartRate Suppressed(string text) => new(null, null, null, null, text);

    private static double Clamp(double value) => Math.Clamp(value, 0, 100);
}
