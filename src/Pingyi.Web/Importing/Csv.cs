using System.Text;

namespace Pingyi.Web.Importing;

/// <summary>RFC 4180 CSV: comma-separated, double-quoted fields with "" as an escaped quote, CRLF or LF rows.</summary>
public static class Csv
{
    public static IEnumerable<List<string>> Parse(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>One CSV line; a cell that a spreadsheet would run as a formula is prefixed with a quote.</summary>
    public static string Line(IEnumerable<string?> cells) =>
        string.Join(",", cells.Select(c => Quote(CellSafety.Neutralize(c ?? ""))));

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

/// <summary>Formula-injection guard for anything Pingyi writes into a spreadsheet.</summary>
public static class CellSafety
{
    public static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
