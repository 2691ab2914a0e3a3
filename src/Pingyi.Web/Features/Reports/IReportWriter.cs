using Pingyi.Domain.Reports;

namespace Pingyi.Web.Features.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as one file format; the report page and the <c>report</c>
/// command offer every registered writer, so a new format is one class and one registration.
/// </summary>
public interface IReportWriter
{
    /// <summary>The format's short name as used in URLs and on the command line: "docx" or "xlsx".</summary>
    string Format { get; }

    string ContentType { get; }

    /// <summary>The file name extension with its dot, e.g. ".docx".</summary>
    string Extension { get; }

    byte[] Write(ReportDocument document);
}
