using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Reports;

namespace Pingyi.Web.Pages.Reports;

/// <summary>
/// What the report pages share: the organisation, campaign or year asked for in the query string,
/// resolved through the caller's scope (outside it: 404, audited).
/// </summary>
public abstract class ReportPageModel(ReportTargets targets, TimeProvider clock) : PageModel
{
    public const string BadInput = "填写的内容格式不正确，请检查后重试。";
    public const string BadYear = "年份应为2000至2100之间的整数。";

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The query string that names this report, for links and forms.</summary>
    public string Query => ReportLinks.Query(OrganizationId, CampaignId, CampaignId is null ? Year : null);

    /// <summary>The target, or null with <paramref name="error"/> set (bad input) or not (outside the scope: answer 404).</summary>
    protected async Task<(ReportTarget? Target, string? Error)> ResolveAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return (null, BadInput);
        }
        Year ??= CampaignPlan.Today(clock).Year;
        if (CampaignId is null && !ReportTargets.IsValidYear(Year.Value))
        {
            return (null, BadYear);
        }
        return (await targets.ResolveAsync(OrganizationId, CampaignId, Year.Value), null);
    }
}

/// <summary>Links to the report pages.</summary>
public static class ReportLinks
{
    public static string Query(int? organizationId, int? campaignId, int? year)
    {
        var parts = new List<string>();
        if (organizationId is { } o)
        {
            parts.Add("organizationId=" + o.ToString(CultureInfo.InvariantCulture));
        }
        if (campaignId is { } c)
        {
            parts.Add("campaignId=" + c.ToString(CultureInfo.InvariantCulture));
        }
        if (year is { } y)
        {
            parts.Add("year=" + y.ToString(CultureInfo.InvariantCulture));
        }
        return string.Join("&", parts);
    }

    public static string Download(string query, string format) =>
        "/Reports/Download?" + (query.Length > 0 ? query + "&" : "") + "format=" + Uri.EscapeDataString(format);
}
