namespace Pingyi.Domain.Reports;

/// <summary>
/// An administrator's wording of one section of a summary report (工作总结), kept per report scope:
/// the text holds placeholders that are filled with figures from the data each time the report is
/// generated, so editing the words never freezes a figure. A section without a row uses the
/// pre-written wording.
/// </summary>
public class ReportNarrative
{
    public const int TextMaxLength = 4000;
    public const int ScopeKeyMaxLength = 64;
    public const int SectionKeyMaxLength = 32;

    public int Id { get; set; }

    /// <summary>The subtree the report covers; null for the whole tree (system administrator).</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Which report: the subtree with a campaign or a year, e.g. "o5/c12" or "o5/y2026" (see the report scope).</summary>
    public string ScopeKey { get; set; } = "";

    public string SectionKey { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}
