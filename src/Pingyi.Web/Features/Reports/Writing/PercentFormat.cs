using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// MiniExcel writes values but has no per-cell number format, so the cells that held a percentage
/// get the format "0.0%" afterwards: the value stays a number (0.955) and reads as 95.5%.
/// </summary>
internal static class PercentFormat
{
    public const string Code = "0.0%";

    public static byte[] Apply(byte[] workbook, IReadOnlyDictionary<string, List<(int Row, int Column)>> cells)
    {
        if (cells.Values.All(c => c.Count == 0))
        {
            return workbook;
        }
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var package = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var book = package.WorkbookPart!;
            var style = PercentStyle(book);
            foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
            {
                if (!cells.TryGetValue(sheet.Name!.Value!, out var targets) || targets.Count == 0)
                {
                    continue;
                }
                var wanted = targets.Select(t => Reference(t.Row, t.Column)).ToHashSet(StringComparer.Ordinal);
                var part = (WorksheetPart)book.GetPartById(sheet.Id!.Value!);
                foreach (var cell in part.Worksheet.Descendants<Cell>().Where(c => c.CellReference?.Value is { } r && wanted.Contains(r)))
                {
                    cell.StyleIndex = style;
                }
                part.Worksheet.Save();
            }
        }
        return stream.ToArray();
    }

    /// <summary>Adds the number format and a cell format using it; returns the cell format's index.</summary>
    private static uint PercentStyle(WorkbookPart book)
    {
        var styles = book.WorkbookStylesPart ?? book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet ??= new Stylesheet(new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellFormats(new CellFormat()));
        var sheet = styles.Stylesheet;
        var formats = sheet.NumberingFormats;
        if (formats is null)
        {
            formats = new NumberingFormats();
            sheet.InsertAt(formats, 0);
        }
        // Ids below 164 are Excel's built-in formats.
        var id = Math.Max(163u, formats.Elements<NumberingFormat>().Select(f => f.NumberFormatId?.Value ?? 0).DefaultIfEmpty(0u).Max()) + 1;
        formats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = Code });
        formats.Count = (uint)formats.ChildElements.Count;

        var cellFormats = sheet.CellFormats ?? sheet.AppendChild(new CellFormats(new CellFormat()));
        cellFormats.Append(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        sheet.Save();
        return cellFormats.Count.Value - 1;
    }

    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }
        return letters + row;
    }
}
