using Pingyi.Domain.Importing;

namespace Pingyi.Domain.Tests.Importing;

/// <summary>Builds an <see cref="ImportTable"/> the way the spreadsheet reader would: header row, then data rows.</summary>
internal static class ImportTables
{
    public static ImportTable Of(string?[] header, params string?[][] rows) => new(header, [.. rows]);
}
