using DocumentFormat.OpenXml.Wordprocessing;
using Pingyi.Web.Features.Reports.Writing;

namespace Pingyi.Web.Tests.Reports.Writing;

public class ReportDocxTests
{
    private static readonly ReportDocx Writer = new(TimeProvider.System);

    [Fact]
    public void Rich_document_validates_without_errors()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        Assert.Empty(docx.ValidationErrors());
    }

    [Fact]
    public void Sparse_document_validates_and_has_no_tables_images_or_appendix()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Sparse()));
        Assert.Empty(docx.ValidationErrors());
        Assert.Empty(docx.Body.Elements<Table>());
        Assert.Empty(docx.Document.MainDocumentPart!.ImageParts);
        Assert.Empty(docx.Paragraphs(DocxStyles.AppendixTitle));
        Assert.Equal(["一、基本情况"], docx.Texts(DocxStyles.Heading1));
        Assert.Equal(["空白总结"], docx.Texts(DocxStyles.Title));
    }

    [Fact]
    public void Title_numbered_headings_and_paragraphs_read_back_in_order()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        Assert.Equal([ReportSamples.Title], docx.Texts(DocxStyles.Title));
        Assert.Equal(["一、基本情况", "二、满意度情况", "三、查找问题和整改情况"], docx.Texts(DocxStyles.Heading1));
        var body = docx.Texts("Normal");
        Assert.Contains("我局召开评议会12场次，发放测评表50份，收回48份，参与评议人员达1,230人次。", body);
        Assert.Contains("最高满意率98%，最低满意率93%，平均满意率95.5%。", body);
        Assert.Equal([ReportSamples.Issuer, "2026年11月24日"], docx.Texts(DocxStyles.Signature));
        Assert.Equal(["表1　评议会按类别统计", "表2　各单位满意率", $"表3　{ReportSamples.Hostile}"], docx.Texts(DocxStyles.TableCaption));
        Assert.Equal(["图1　各单位满意率", "图2　意见按类别"], docx.Texts(DocxStyles.FigureCaption));
    }

    [Fact]
    public void Hostile_text_stays_text_and_characters_xml_cannot_hold_are_dropped()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        var all = docx.Body.InnerText;
        Assert.Contains($"有人在意见中写下{ReportSamples.Hostile}和{ReportSamples.Formula}，原样照录。", docx.Texts("Normal"));
        Assert.Contains("含非法字符的文字：坏字符。", docx.Texts("Normal"));
        Assert.DoesNotContain('\u0001', all);
        Assert.DoesNotContain('\uFFFF', all);
        Assert.DoesNotContain(all, char.IsSurrogate);
        Assert.Contains(docx.Body.Descendants<Text>(), t => t.Text.Contains(ReportSamples.Hostile, StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_have_header_rows_repeated_cells_in_place_and_numbers_right_aligned()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich(unitRows: 80)));
        var tables = docx.Body.Elements<Table>().ToList();
        Assert.Equal(4, tables.Count); // three tables and the appendix

        var meetings = DocxReader.Cells(tables[0]);
        Assert.Equal(["类别", "场次", "发放", "收回"], meetings[0]);
        Assert.Equal(["群众座谈会", "9", "1,080", "1,002"], meetings[2]);

        var units = tables[1];
        Assert.Equal(81, units.Elements<TableRow>().Count());
        Assert.All(units.Elements<TableRow>(), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
        Assert.NotNull(units.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(units.Elements<TableRow>().ElementAt(1).TableRowProperties!.GetFirstChild<TableHeader>());
        var row = units.Elements<TableRow>().ElementAt(1).Elements<TableCell>().ToList();
        Assert.Equal(["第1党支部", "41", "91.5%", "88.1%–97.2%"], row.Select(c => c.InnerText));
        Assert.Equal(JustificationValues.Right, Alignment(row[1]));
        Assert.Equal(JustificationValues.Right, Alignment(row[2]));
        Assert.Null(Alignment(row[0]));
        Assert.NotNull(units.GetFirstChild<TableProperties>()!.TableBorders?.InsideHorizontalBorder);

        var note = docx.Texts(DocxStyles.TableNote);
        Assert.Equal(["注：测评票少于5份的单位不显示满意率。", $"注：{ReportSamples.Hostile}"], note);
    }

    [Fact]
    public void Appendix_lists_every_figure_source_on_a_new_page()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        var title = Assert.Single(docx.Paragraphs(DocxStyles.AppendixTitle));
        Assert.Equal("附：数据来源", title.InnerText);
        Assert.NotNull(title.ParagraphProperties!.PageBreakBefore);
        var appendix = DocxReader.Cells(docx.Body.Elements<Table>().Last());
        Assert.Equal(["数据项", "数值", "核对页面"], appendix[0]);
        Assert.Equal(["发放测评表", "50份", "/Meetings/Counts?campaignId=1"], appendix[1]);
        Assert.Equal([ReportSamples.Hostile, ReportSamples.Formula, "/Problems"], appendix[3]);
        Assert.Equal(4, appendix.Count);
    }

    [Fact]
    public void Styles_set_the_official_document_fonts_sizes_and_spacing()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        AssertFont(docx.Style(DocxStyles.Title), "方正小标宋简体", "44");
        AssertFont(docx.Style(DocxStyles.Heading1), "黑体", "32");
        AssertFont(docx.Style("Normal"), "仿宋_GB2312", "32");
        AssertFont(docx.Style(DocxStyles.TableText), "仿宋_GB2312", "24");
        AssertFont(docx.Style(DocxStyles.TableCaption), "黑体", "28");

        var normal = docx.Style("Normal").StyleParagraphProperties!;
        Assert.Equal(200, normal.Indentation!.FirstLineChars!.Value);
        Assert.Equal("560", normal.SpacingBetweenLines!.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, normal.SpacingBetweenLines.LineRule!.Value);
        Assert.Equal(JustificationValues.Center, docx.Style(DocxStyles.Title).StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(JustificationValues.Right, docx.Style(DocxStyles.Signature).StyleParagraphProperties!.Justification!.Val!.Value);

        var fonts = docx.Document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        Assert.Equal("Noto Serif CJK SC", fonts["仿宋_GB2312"].AltName!.Val!.Value);
        Assert.Equal("Noto Sans CJK SC", fonts["黑体"].AltName!.Val!.Value);
    }

    [Fact]
    public void Page_is_A4_with_official_margins_and_a_footer_page_field()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        var section = docx.Body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        // 37, 35, 28 and 26 mm in twips (1 mm = 1440 / 25.4 twips).
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        var footer = Assert.Single(docx.Document.MainDocumentPart!.FooterParts).Footer!;
        Assert.Equal(docx.Document.MainDocumentPart.GetIdOfPart(docx.Document.MainDocumentPart.FooterParts.Single()),
            section.GetFirstChild<FooterReference>()!.Id!.Value);
        Assert.Equal("PAGE", Assert.Single(footer.Descendants<FieldCode>()).Text.Trim());
        Assert.Equal("— 1 —", footer.InnerText.Replace(" PAGE ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_are_real_png_images()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        var images = docx.Document.MainDocumentPart!.ImageParts.ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.Equal("image/png", image.ContentType);
            using var stream = image.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var (width, height) = PngSize(copy.ToArray());
            Assert.Equal((ChartPng.Width, ChartPng.Height), (width, height));
        }
        Assert.Equal(2, docx.Body.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Count());
    }

    [Fact]
    public void Document_properties_name_the_title_and_Pingyi()
    {
        using var docx = new DocxReader(Writer.Write(ReportSamples.Rich()));
        Assert.Equal(ReportSamples.Title, docx.Document.PackageProperties.Title);
        Assert.Equal("Pingyi", docx.Document.PackageProperties.Creator);
    }

    /// <summary>Checks the PNG signature and reads the IHDR chunk's width and height.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.True(width > 0 && height > 0);
        return (width, height);
    }

    private static JustificationValues? Alignment(TableCell cell) =>
        cell.GetFirstChild<Paragraph>()!.ParagraphProperties!.Justification?.Val?.Value;

    private static void AssertFont(Style style, string font, string halfPoints)
    {
        var run = style.StyleRunProperties!;
        Assert.Equal(font, run.RunFonts!.EastAsia!.Value);
        Assert.Equal(font, run.RunFonts.Ascii!.Value);
        Assert.Equal(font, run.RunFonts.HighAnsi!.Value);
        Assert.Equal(halfPoints, run.FontSize!.Val!.Value);
    }
}
