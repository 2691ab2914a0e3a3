using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pingyi.Domain.Reports;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// The summary report as a Word document laid out as a 公文: title, sections numbered 一、二、… by
/// their order, tables with their captions above and notes below, charts as PNG images with their
/// captions below, the issuer and date at the end, the figure sources as an appendix on a new page,
/// and "— 1 —" page numbers. See ADR 0017.
/// </summary>
public sealed class ReportDocx(TimeProvider clock) : IReportWriter
{
    public string Format => "docx";

    public string ContentType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string Extension => ".docx";

    public byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create();
            main.AddNewPart<FontTablePart>().Fonts = DocxStyles.FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = DocxStyles.Settings();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = DocxBlocks.Footer();

            var body = new Body();
            body.Append(Content(document, main));
            body.Append(DocxBlocks.Section(main.GetIdOfPart(footer)));
            main.Document = new Document(body);

            package.PackageProperties.Title = ReportText.Clean(document.Title);
            package.PackageProperties.Creator = "Pingyi";
            package.PackageProperties.Language = "zh-CN";
            package.PackageProperties.Created = clock.GetUtcNow().UtcDateTime;
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(ReportDocument document, MainDocumentPart main)
    {
        yield return DocxBlocks.Paragraph(DocxStyles.Title, document.Title);
        int tableNumber = 0, figureNumber = 0;
        foreach (var (section, index) in document.Sections.Select((s, i) => (s, i + 1)))
        {
            yield return DocxBlocks.Paragraph(DocxStyles.Heading1, $"{ReportText.ChineseNumber(index)}、{section.Heading}");
            foreach (var paragraph in section.Paragraphs)
            {
                yield return DocxBlocks.Paragraph("Normal", paragraph);
            }
            foreach (var table in section.Tables)
            {
                yield return DocxBlocks.Paragraph(DocxStyles.TableCaption, $"表{++tableNumber}　{table.Caption}");
                yield return DocxBlocks.Table(table.Header, table.Rows, table.NumericColumns ?? []);
                if (!string.IsNullOrWhiteSpace(table.Note))
                {
                    yield return DocxBlocks.Paragraph(DocxStyles.TableNote, table.Note.StartsWith('注') ? table.Note : $"注：{table.Note}");
                }
            }
            foreach (var chart in section.Charts)
            {
                var image = main.AddImagePart(ImagePartType.Png);
                using (var png = new MemoryStream(ChartPng.Render(chart)))
                {
                    image.FeedData(png);
                }
                figureNumber++;
                yield return DocxBlocks.Image(main.GetIdOfPart(image), (uint)figureNumber, chart.Caption, ChartPng.Width, ChartPng.Height);
                yield return DocxBlocks.Paragraph(DocxStyles.FigureCaption, $"图{figureNumber}　{chart.Caption}");
            }
        }

        // 公文 leaves a blank line between the body and the issuer, and puts the date under the issuer.
        yield return DocxBlocks.Paragraph("Normal", "");
        yield return DocxBlocks.Paragraph(DocxStyles.Signature, document.Issuer);
        yield return DocxBlocks.Paragraph(DocxStyles.Signature, ReportText.ChineseDate(document.Date));

        if (document.Sources.Count > 0)
        {
            yield return DocxBlocks.Paragraph(DocxStyles.AppendixTitle, "附：数据来源", pageBreakBefore: true);
            yield return DocxBlocks.Table(
                ["数据项", "数值", "核对页面"],
                [.. document.Sources.Select(s => (IReadOnlyList<string>)[s.Figure, s.Value, s.Page])],
                []);
        }
    }
}
