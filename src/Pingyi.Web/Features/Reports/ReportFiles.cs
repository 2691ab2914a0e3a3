using Pingyi.Domain.Reports;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Reports;

public static class ReportFiles
{
    /// <summary>The title as a file name: characters no file system accepts become "_".</summary>
    public static string NameOf(ReportDocument document, IReportWriter writer)
        => FileNames.Safe(document.Title, "工作总结") + writer.Extension;
}
