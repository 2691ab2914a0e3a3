namespace Pingyi.Domain.Reports;

/// <summary>
/// A summary report ready to be written out, independent of the file format: the Word writer lays it
/// out as an official document (公文), the Excel writer puts each table on its own sheet. Every
/// figure in it has already been taken from the data and every suppressed figure already replaced by
/// its reason, so a writer only formats.
/// </summary>
/// <param name="Title">The document title, e.g. "某某卫生健康局2026年度群众评议工作总结".</param>
/// <param name="Issuer">The issuing organisation, printed under the body (落款).</param>
/// <param name="Date">The date under the issuer (成文日期).</param>
/// <param name="Sections">The numbered sections 一、二、三、… in order.</param>
/// <param name="Sources">Where each figure comes from: the page that shows it.</param>
public sealed record ReportDocument(
    string Title,
    string Issuer,
    DateOnly Date,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<FigureSource> Sources);

/// <summary>
/// One numbered section: a heading without its number (the writer numbers it), paragraphs of
/// narrative with the figures filled in, then its tables and charts.
/// </summary>
public sealed record ReportSection(
    string Key,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts);

/// <summary>
/// A table: <paramref name="SheetName"/> names its Excel sheet (at most 31 characters, unique in the
/// document); <paramref name="Note"/> is printed under it (e.g. why some cells show "少于5份").
/// Cells are text as printed; <paramref name="NumericColumns"/> marks the columns holding numbers,
/// which the Excel writer stores as numbers when the text parses as one.
/// </summary>
public sealed record ReportTable(
    string Caption,
    string SheetName,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Note = null,
    IReadOnlyList<int>? NumericColumns = null);

/// <summary>A bar chart: one bar per entry, values in <paramref name="Unit"/> (e.g. "%" or "条").</summary>
public sealed record ReportChart(string Caption, string Unit, IReadOnlyList<ChartBar> Bars);

/// <summary>One bar; <paramref name="Low"/> and <paramref name="High"/> draw a 95% interval when given.</summary>
public sealed record ChartBar(string Label, double Value, double? Low = null, double? High = null);

/// <summary>A figure of the report and the page (a path of the web app) where it can be checked.</summary>
public sealed record FigureSource(string Figure, string Value, string Page);
