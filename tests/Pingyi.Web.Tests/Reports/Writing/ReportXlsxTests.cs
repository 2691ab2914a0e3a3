using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Pingyi.Web.Features.Reports.Writing;

namespace Pingyi.Web.Tests.Reports.Writing;

public class ReportXlsxTests
{
    private static readonly byte[] Rich = new ReportXlsx().Write(ReportSamples.Rich(unitRows: 20));

    [Fact]
    public void Workbook_has_the_info_sheet_then_one_sheet_per_table()
    {
        using var book = Open(Rich);
        var names = SheetNamesOf(book);
        Assert.Equal(4, names.Count);
        Assert.Equal(["说明", "评议会", "各单位满意率"], names[..3]);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(new OpenXmlValidator().Validate(book).Select(e => e.Description));
    }

    [Fact]
    public void Hostile_sheet_names_are_made_valid()
    {
        using var book = Open(Rich);
        var hostile = SheetNamesOf(book)[3];
        Assert.True(hostile.Length <= 31, hostile);
        Assert.Equal(-1, hostile.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']));
        Assert.StartsWith("abcdef=cmd|' ", hostile, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_sheet_holds_title_issuer_date_and_figure_sources()
    {
        using var book = Open(Rich);
        var info = Cells(book, "说明");
        Assert.Equal(["项目", "内容", "核对页面"], info[0]);
        Assert.Equal(["标题", ReportSamples.Title], info[1][..2]);
        Assert.Equal(["落款", ReportSamples.Issuer], info[2][..2]);
        Assert.Equal(["成文日期", "2026年11月24日"], info[3][..2]);
        Assert.Equal(["发放测评表", "50份", "/Meetings/Counts?campaignId=1"], info[4]);
        Assert.Equal([ReportSamples.Hostile, "'" + ReportSamples.Formula, "/Problems"], info[6]);
    }

    [Fact]
    public void Numeric_columns_hold_numbers_and_percentages_keep_a_percent_format()
    {
        using var book = Open(Rich);
        var meetings = Sheet(book, "评议会");
        Assert.Equal(3d, Number(meetings, "B2"));
        Assert.Equal(1080d, Number(meetings, "C3"));
        Assert.Equal("党员大会", Text(book, meetings, "A2"));

        var units = Sheet(book, "各单位满意率");
        Assert.Equal(0.915, Number(units, "C2"), 10);
        Assert.Equal("0.0%", FormatOf(book, Cell(units, "C2")));
        Assert.Equal(41d, Number(units, "B2"));
        Assert.Null(FormatOf(book, Cell(units, "B2")));
        // Row 8 is the 7th unit, whose rate is hidden: the reason stays text.
        Assert.Equal("—（少于5份）", Text(book, units, "C8"));
        Assert.Equal("88.1%–97.2%", Text(book, units, "D2"));
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text()
    {
        using var book = Open(Rich);
        Assert.Empty(book.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        var hostile = Sheet(book, SheetNamesOf(book)[3]);
        Assert.Equal("'" + ReportSamples.Formula, Text(book, hostile, "B1"));
        Assert.Equal("'" + ReportSamples.Formula, Text(book, hostile, "B2"));
        Assert.Equal("'+1", Text(book, hostile, "B3"));
        Assert.Equal(ReportSamples.Hostile, Text(book, hostile, "A2"));
        Assert.Equal("坏字符", Text(book, hostile, "A3"));
        Assert.Equal(-3d, Number(hostile, "C2"));
        Assert.Equal("'@SUM(A1)", Text(book, hostile, "C3"));
    }

    [Fact]
    public void Sparse_document_gives_only_the_info_sheet()
    {
        using var book = Open(new ReportXlsx().Write(ReportSamples.Sparse()));
        Assert.Equal(["说明"], SheetNamesOf(book));
    }

    [Theory]
    [InlineData("95.5%", 0.955, true)]
    [InlineData("1,230", 1230d, false)]
    [InlineData("-3", -3d, false)]
    [InlineData(" 50 ", 50d, false)]
    public void Number_reads_counts_and_percentages(string text, double value, bool isPercent)
    {
        var number = ReportXlsx.Number(text);
        Assert.NotNull(number);
        Assert.Equal(value, number.Value.Value, 10);
        Assert.Equal(isPercent, number.Value.IsPercent);
    }

    [Theory]
    [InlineData("—（少于5份）")]
    [InlineData("%")]
    [InlineData("")]
    [InlineData("1e5")]
    [InlineData("NaN")]
    [InlineData("88.1%–97.2%")]
    public void Number_refuses_what_is_not_a_plain_number(string text) => Assert.Null(ReportXlsx.Number(text));

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static List<string> SheetNamesOf(SpreadsheetDocument book) =>
        [.. book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    private static Worksheet Sheet(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static double Number(Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{reference} is not a number");
        return double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Text(SpreadsheetDocument book, Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        Assert.NotNull(cell.DataType);
        Assert.NotEqual(CellValues.Number, cell.DataType.Value);
        if (cell.DataType.Value == CellValues.SharedString)
        {
            var index = int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
            return book.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
        }
        return cell.CellValue?.Text ?? cell.InnerText;
    }

    private static List<List<string>> Cells(SpreadsheetDocument book, string name)
    {
        var sheet = Sheet(book, name);
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType is null ? c.CellValue?.Text ?? "" : Text(book, sheet, c.CellReference!)).ToList())];
    }

    private static string? FormatOf(SpreadsheetDocument book, Cell cell)
    {
        if (cell.StyleIndex is null)
        {
            return null;
        }
        var stylesheet = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value);
        var id = format.NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }
}
