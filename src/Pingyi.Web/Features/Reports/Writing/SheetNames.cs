namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no apostrophe at either
/// end, not "History", unique without regard to case. A name that breaks them makes Excel refuse
/// the whole workbook, so every name is made valid rather than rejected.
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;

    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A valid name not handed out before, close to <paramref name="wanted"/>; <paramref name="fallback"/> when nothing of it is usable.</summary>
    public string Take(string? wanted, string fallback)
    {
        var name = Trim(new string([.. ReportText.Clean(wanted).Where(c => "[]:*?/\\".IndexOf(c) < 0)]));
        if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
        {
            name = fallback;
        }
        var candidate = Cut(name, MaxLength);
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $"({n})";
            candidate = Cut(name, MaxLength - suffix.Length) + suffix;
        }
        return candidate;
    }

    private static string Trim(string name) => name.Trim().Trim('\'').Trim();

    /// <summary>Cuts to a length without splitting a surrogate pair.</summary>
    private static string Cut(string name, int length)
    {
        if (name.Length <= length)
        {
            return name;
        }
        var end = char.IsHighSurrogate(name[length - 1]) ? length - 1 : length;
        return Trim(name[..end]);
    }
}
