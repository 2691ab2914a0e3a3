using Pingyi.Domain.Reports;

namespace Pingyi.Web.Features.Reports;

public static class ReportFiles
{
    /// <summary>The title as a file name: characters no file system accepts become "_".</summary>
    public static string NameOf(ReportDocument document, IReportWriter writer)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = new string(document.Title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return (name.Length == 0 ? "工作总结" : name[..Math.Min(name.Length, 100)]) + writer.Extension;
    }
}
