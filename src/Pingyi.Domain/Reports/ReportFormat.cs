using System.Globalization;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Reports;

/// <summary>How figures read in the narrative of a report.</summary>
public static class ReportFormat
{
    /// <summary>
    /// A percentage as an official document writes it: one decimal as the results pages round it,
    /// without a trailing ".0" ("98%", "95.5%"); "—" when there is nothing to count.
    /// </summary>
    public static string Percent(double? fraction) => Trim(RateFormat.Percent(fraction));

    public static string Percent(Rate? rate) => rate is { } r ? Trim(RateFormat.Percent(r)) : RateFormat.None;

    public static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Trim(string percent) =>
        percent.EndsWith(".0%", StringComparison.Ordinal) ? percent[..^3] + "%" : percent;
}
