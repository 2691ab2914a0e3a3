using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>The paragraphs, tables, images and footer of the Word report; every text passes <see cref="ReportText.Clean"/>.</summary>
internal static class DocxBlocks
{
    /// <summary>The width of the type area: A4 (11906 twips) less the 公文 margins of 28 and 26 mm.</summary>
    public const int TextWidthTwips = 11906 - PageMargins.Left - PageMargins.Right;

    private const long EmuPerTwip = 635;

    public static Paragraph Paragraph(string style, string text, bool pageBreakBefore = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text));
        }
        return paragraph;
    }

    public static Run Run(string text) => new(new Text(ReportText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>
    /// A bordered table across the type area: the header row repeats on every page, no row breaks
    /// across pages, numeric columns are right-aligned.
    /// </summary>
    public static Table Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyCollection<int> numeric)
    {
        var columns = Math.Max(1, Math.Max(header.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count)));
        var borders = new TableBorders(
            Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
            Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>());
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                borders,
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (TextWidthTwips / columns).ToString() })));
        table.Append(Row(header, columns, isHeader: true, numeric));
        foreach (var row in rows)
        {
            table.Append(Row(row, columns, isHeader: false, numeric));
        }
        return table;
    }

    private static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };

    private static TableRow Row(IReadOnlyList<string> cells, int columns, bool isHeader, IReadOnlyCollection<int> numeric)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (isHeader)
        {
            properties.Append(new TableHeader());
        }
        var row = new TableRow(properties);
        for (var i = 0; i < columns; i++)
        {
            var paragraph = Paragraph(isHeader ? DocxStyles.TableHeading : DocxStyles.TableText, i < cells.Count ? cells[i] : "");
            if (!isHeader && numeric.Contains(i))
            {
                paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
            }
            row.Append(new TableCell(
                new TableCellProperties(
                    new TableCellWidth { Width = (TextWidthTwips / columns).ToString(), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                paragraph));
        }
        return row;
    }

    /// <summary>An inline picture as wide as the type area, keeping the PNG's proportions.</summary>
    public static Paragraph Image(string relationshipId, uint id, string name, int widthPx, int heightPx)
    {
        long cx = TextWidthTwips * EmuPerTwip;
        long cy = cx * heightPx / widthPx;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{id}.png" },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"图{id}", Description = ReportText.Clean(name) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Figure }), new Run(new Drawing(inline)));
    }

    /// <summary>"— 1 —": the page number as a PAGE field between dashes, centred.</summary>
    public static Footer Footer() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer }),
        Run("— "),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        Run("1"),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        Run(" —")));

    public static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin
        {
            Top = PageMargins.Top,
            Bottom = PageMargins.Bottom,
            Left = (uint)PageMargins.Left,
            Right = (uint)PageMargins.Right,
            Header = 851U,
            Footer = 992U,
            Gutter = 0U,
        });

    /// <summary>The 公文 margins in twips: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.</summary>
    public static class PageMargins
    {
        public const int Top = 2098;
        public const int Bottom = 1984;
        public const int Left = 1587;
        public const int Right = 1474;
    }
}
