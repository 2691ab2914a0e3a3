using System.Data;
using System.Globalization;
using MiniExcelLibs;
using Pingyi.Domain.Reports;
using Pingyi.Web.Importing;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// The summary report's tables as a workbook: a first sheet 说明 (title, issuer, date and where each
/// figure comes from), then one sheet per <see cref="ReportTable"/>. In the table's numeric columns
/// a cell that reads as a number is stored as one ("95.5%" as 0.955 shown as a percentage); every
/// other cell is text passed through <see cref="CellSafety"/>, so nothing becomes a formula.
/// </summary>
public sealed class ReportXlsx : IReportWriter
{
    public const string InfoSheet = "说明";

    public string Format => "xlsx";

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => ".xlsx";

    public byte[] Write(ReportDocument document)
    {
        var names = new SheetNames();
        var sheets = new Dictionary<string, object> { [names.Take(InfoSheet, InfoSheet)] = Info(document) };
        var percents = new Dictionary<string, List<(int Row, int Column)>>();
        var tables = document.Sections.SelectMany(s => s.Tables).ToList();
        foreach (var (table, index) in tables.Select((t, i) => (t, i + 1)))
        {
            var name = names.Take(table.SheetName, $"表{index}");
            sheets[name] = Sheet(table, percents[name] = []);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return PercentFormat.Apply(stream.ToArray(), percents);
    }

    private static DataTable Info(ReportDocument document)
    {
        var sheet = Columns(["项目", "内容", "核对页面"]);
        sheet.Rows.Add("标题", Text(document.Title), "");
        sheet.Rows.Add("落款", Text(document.Issuer), "");
        sheet.Rows.Add("成文日期", ReportText.ChineseDate(document.Date), "");
        foreach (var source in document.Sources)
        {
            sheet.Rows.Add(Text(source.Figure), Text(source.Value), Text(source.Page));
        }
        return sheet;
    }

    private static DataTable Sheet(ReportTable table, List<(int Row, int Column)> percents)
    {
        var width = Math.Max(table.Header.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        var sheet = Columns([.. Enumerable.Range(0, width).Select(i => i < table.Header.Count ? table.Header[i] : "")]);
        var numeric = table.NumericColumns ?? [];
        foreach (var (row, r) in table.Rows.Select((row, r) => (row, r)))
        {
            var cells = new object[width];
            for (var c = 0; c < width; c++)
            {
                var text = c < row.Count ? row[c] : "";
                var number = numeric.Contains(c) ? Number(text) : null;
                cells[c] = number is { } n ? n.Value : Text(text);
                if (number is { IsPercent: true })
                {
                    percents.Add((r + 2, c + 1)); // under the header row, 1-based
                }
            }
            sheet.Rows.Add(cells);
        }
        return sheet;
    }

    /// <summary>A sheet's columns; DataTable wants unique, non-empty names, which report headers need not be.</summary>
    private static DataTable Columns(IReadOnlyList<string> header)
    {
        var sheet = new DataTable();
        foreach (var (title, i) in header.Select((h, i) => (Text(h), i + 1)))
        {
            var name = title.Length == 0 ? $"列{i}" : title;
            for (var n = 2; sheet.Columns.Contains(name); n++)
            {
                name = $"{title}({n})";
            }
            sheet.Columns.Add(name, typeof(object));
        }
        return sheet;
    }

    /// <summary>"1,234" → 1234, "95.5%" → 0.955 (a percentage); anything else is not a number.</summary>
    public static (double Value, bool IsPercent)? Number(string text)
    {
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal);
        var isPercent = s.EndsWith('%');
        if (isPercent)
        {
            s = s[..^1].TrimEnd();
        }
        if (s.Length == 0 || !double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return null;
        }
        return isPercent ? (Math.Round(value / 100, 10), true) : (value, false);
    }

    private static string Text(string value) => CellSafety.Neutralize(ReportText.Clean(value));
}
