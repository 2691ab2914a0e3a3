namespace Pingyi.Web.Infrastructure;

/// <summary>Download file names made from titles typed by users (sent as RFC 5987 filename*, so Chinese survives).</summary>
public static class FileNames
{
    private static readonly HashSet<char> Invalid = [.. Path.GetInvalidFileNameChars(), .. "<>:\"/\\|?*"];

    /// <summary>The title with the characters file systems refuse replaced by "_", at most 100 characters, or the fallback when nothing is left.</summary>
    public static string Safe(string title, string fallback)
    {
        var name = new string(title.Select(c => Invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return name.Length == 0 ? fallback : name[..Math.Min(name.Length, 100)];
    }
}
