using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pingyi.Web.Tests.Reports.Writing;

/// <summary>Reads a written .docx back through OpenXml, as Word would, rather than searching the zip's bytes.</summary>
public sealed class DocxReader : IDisposable
{
    private readonly MemoryStream stream;

    public DocxReader(byte[] bytes)
    {
        stream = new MemoryStream(bytes);
        Document = WordprocessingDocument.Open(stream, isEditable: false);
    }

    public WordprocessingDocument Document { get; }

    public Body Body => Document.MainDocumentPart!.Document.Body!;

    public List<Paragraph> Paragraphs(string style) =>
        [.. Body.Elements<Paragraph>().Where(p => StyleOf(p) == style)];

    public List<string> Texts(string style) => [.. Paragraphs(style).Select(p => p.InnerText)];

    public static string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public static List<List<string>> Cells(Table table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())];

    public Style Style(string id) =>
        Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == id);

    /// <summary>Every schema and semantic error Word's own validator would report; empty means no repair prompt.</summary>
    public List<string> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(Document)
            .Select(e => $"{e.Path?.XPath} {e.Part?.Uri}: {e.Description}")];

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }
}
