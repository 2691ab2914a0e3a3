using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Pingyi.Domain.Importing;

namespace Pingyi.Web.Importing;

/// <summary>
/// Reads the first sheet of an .xlsx, or a .csv in UTF-8 or GB18030 (what Chinese Excel saves),
/// into an <see cref="ImportTable"/>. Anything else is refused with a Chinese reason.
/// </summary>
public static class SpreadsheetReader
{
    private const int MaxColumns = 50;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (ImportTable? Table, string? Error) Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, "文件是空的。");
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".xlsx" => IsZip(content) ? (ReadXlsx(content), null) : (null, NotSpreadsheet),
                ".csv" => ReadCsv(content),
                _ => (null, "只支持 .xlsx 或 .csv 文件。"),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, NotSpreadsheet);
        }
    }

    private const string NotSpreadsheet = "无法读取该文件：它不是有效的 Excel (.xlsx) 或 CSV 文件。请用下载的模板填写后上传。";

    private static bool IsZip(byte[] content) =>
        content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static ImportTable ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = new List<IReadOnlyList<string?>>();
        // Read one row past the limit so an oversized file is reported, without reading all of it.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Take(ImportTable.MaxRows + 2))
        {
            rows.Add(row.Values.Take(MaxColumns).Select(Text).ToList());
        }
        return ToTable(rows);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static (ImportTable?, string?) ReadCsv(byte[] content)
    {
        if (content.Contains((byte)0))
        {
            return (null, NotSpreadsheet);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }
        text = text.TrimStart('\uFEFF');
        var rows = Csv.Parse(text).Take(ImportTable.MaxRows + 2)
            .Select(r => (IReadOnlyList<string?>)r.Take(MaxColumns).Select(c => (string?)c).ToList()).ToList();
        return (ToTable(rows), null);
    }

    private static ImportTable ToTable(List<IReadOnlyList<string?>> rows) =>
        rows.Count == 0 ? new ImportTable([], []) : new ImportTable(rows[0], rows.Skip(1).ToList());
}
