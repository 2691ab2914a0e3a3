namespace Pingyi.Domain.Importing;

/// <summary>Locates a template's columns in a table's header and reads cells by column name.</summary>
internal sealed class ImportSheet
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private ImportSheet(ImportTable table) => Table = table;

    public ImportTable Table { get; }

    public static ImportSheet Open(ImportTable table, IReadOnlyList<ImportColumn> columns, List<ImportError> errors)
    {
        var sheet = new ImportSheet(table);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var name = table.Header[i]?.Trim().TrimStart('*');
            if (!string.IsNullOrEmpty(name) && !sheet._index.ContainsKey(name))
            {
                sheet._index[name] = i;
            }
        }
        foreach (var column in columns.Where(c => c.Required && !sheet._index.ContainsKey(c.Name)))
        {
            errors.Add(new ImportError(1, 0, column.Name, $"缺少必填列“{column.Name}”，请使用下载的模板。"));
        }
        if (table.Rows.All(r => r.All(string.IsNullOrWhiteSpace)))
        {
            errors.Add(new ImportError(2, 0, "", "文件中没有数据行。"));
        }
        if (table.Rows.Count > ImportTable.MaxRows)
        {
            errors.Add(new ImportError(ImportTable.SheetRowOf(ImportTable.MaxRows), 0, "",
                $"一次最多导入{ImportTable.MaxRows}行，请分批导入。"));
        }
        return sheet;
    }

    /// <summary>1-based column number of a header, or 0 when the file lacks it.</summary>
    public int ColumnOf(string name) => _index.TryGetValue(name, out var i) ? i + 1 : 0;

    public string? Cell(int rowIndex, string name)
    {
        if (!_index.TryGetValue(name, out var i))
        {
            return null;
        }
        var row = Table.Rows[rowIndex];
        var value = i < row.Count ? row[i]?.Trim() : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool IsBlankRow(int rowIndex) => Table.Rows[rowIndex].All(string.IsNullOrWhiteSpace);

    public void CheckCellLengths(int rowIndex, List<ImportError> errors)
    {
        var row = Table.Rows[rowIndex];
        for (var i = 0; i < row.Count; i++)
        {
            if (row[i] is { Length: > ImportTable.MaxCellLength })
            {
                var header = i < Table.Header.Count ? Table.Header[i] ?? "" : "";
                errors.Add(new ImportError(ImportTable.SheetRowOf(rowIndex), i + 1, header,
                    $"单元格内容过长（超过{ImportTable.MaxCellLength}个字符）。"));
            }
        }
    }
}
