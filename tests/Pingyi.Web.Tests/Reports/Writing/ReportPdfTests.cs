using Pingyi.Web.Features.Reports.Writing;

namespace Pingyi.Web.Tests.Reports.Writing;

/// <summary>The .docx as another program reads it: LibreOffice opens it and prints its Chinese text to PDF.</summary>
public class ReportPdfTests
{
    [Fact]
    public void LibreOffice_converts_the_report_to_a_pdf_holding_its_chinese_text()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"pingyi-report-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var docx = Path.Combine(directory, "report.docx");
            File.WriteAllBytes(docx, new ReportDocx(TimeProvider.System).Write(ReportSamples.Rich(unitRows: 40)));

            var pdf = ExternalTools.ToPdf(docx, directory);

            var text = Flatten(ExternalTools.Run("pdftotext", ["-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1)));
            Assert.Contains(ReportSamples.Title, text);
            Assert.Contains("一、基本情况", text);
            Assert.Contains("三、查找问题和整改情况", text);
            Assert.Contains("发放测评表50份", text);
            Assert.Contains("平均满意率95.5%", text);
            Assert.Contains("第40党支部", text);
            Assert.Contains("附：数据来源", text);
            Assert.Contains("2026年11月24日", text);
            Assert.Contains("—2—", text); // the footer's page field

            // Without the Founder and GB2312 fonts the text must still be set in a CJK face, not boxes.
            var fonts = ExternalTools.Run("pdffonts", [pdf], TimeSpan.FromMinutes(1));
            Assert.Contains("CJK", fonts);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>pdftotext breaks lines where the page does and spaces CJK oddly; phrases are matched without whitespace.</summary>
    private static string Flatten(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
