namespace Pingyi.Domain.Importing;

/// <summary>A sheet as read from an .xlsx or .csv file: the header row and the data rows, as text.</summary>
public sealed class ImportTable(IReadOnlyList<string?> header, IReadOnlyList<IReadOnlyList<string?>> rows)
{
    public const int MaxRows = 5000;
    public const int MaxCellLength = 500;

    public IReadOnlyList<string?> Header { get; } = header;

    /// <summary>Data rows; row i of this list is spreadsheet row i + 2 (row 1 is the header).</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; } = rows;

    public static int SheetRowOf(int index) => index + 2;
}

/// <summary>One reason a row cannot be imported, addressed the way Excel shows it: row 3, column B.</summary>
public sealed record ImportError(int Row, int Column, string ColumnName, string Message)
{
    public string ColumnLetter => ColumnLetterOf(Column);

    public override string ToString() =>
        Column > 0 ? $"第{Row}行 {ColumnLetter}列（{ColumnName}）：{Message}" : $"第{Row}行：{Message}";

    public static string ColumnLetterOf(int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }
        return letters;
    }
}

/// <summary>A template's column: its header text, whether it must be filled, and an example cell.</summary>
public sealed record ImportColumn(string Name, bool Required, string Example, string Help);
