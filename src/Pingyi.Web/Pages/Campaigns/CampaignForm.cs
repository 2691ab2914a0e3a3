using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

/// <summary>The fields of the create and edit pages. Dates are text so a malformed one gets its own message.</summary>
public sealed class CampaignForm
{
    public int OrganizationId { get; set; }

    public string? Name { get; set; }

    public int Year { get; set; }

    public string? Theme { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public int MinGroupSize { get; set; } = Campaign.DefaultMinGroupSize;

    /// <summary>The command's input, or null with the reasons the dates cannot be read.</summary>
    public CampaignInput? ToInput(List<string> errors)
    {
        if (CampaignText.ParseDate(StartsOn, "开始日期", out var startsOn) is { } e1)
        {
            errors.Add(e1);
        }
        if (CampaignText.ParseDate(EndsOn, "结束日期", out var endsOn) is { } e2)
        {
            errors.Add(e2);
        }
        return errors.Count > 0 ? null : new CampaignInput(OrganizationId, Name, Year, Theme, startsOn, endsOn, MinGroupSize);
    }

    public static CampaignForm New(DateOnly today, int organizationId) => new()
    {
        OrganizationId = organizationId,
        Year = today.Year,
        StartsOn = CampaignText.Format(today),
        EndsOn = CampaignText.Format(today.AddDays(30)),
    };

    public static CampaignForm From(Campaign c) => new()
    {
        OrganizationId = c.OrganizationId,
        Name = c.Name,
        Year = c.Year,
        Theme = c.Theme,
        StartsOn = CampaignText.Format(c.StartsOn),
        EndsOn = CampaignText.Format(c.EndsOn),
        MinGroupSize = c.MinGroupSize,
    };
}

/// <summary>An organisation offered in a drop-down, indented by its depth below the list's top.</summary>
public sealed record OrgOption(int Id, string Name, int Depth)
{
    public string Label => new string('　', Depth) + Name;

    /// <summary>The active organisations of a query, in tree order.</summary>
    public static async Task<List<OrgOption>> ListAsync(IQueryable<Organization> organizations)
    {
        var list = await organizations.Where(o => o.IsActive).OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync();
        var top = list.Count == 0 ? 0 : list.Min(o => OrganizationTree.DepthOf(o.Path));
        return list.Select(o => new OrgOption(o.Id, o.Name, OrganizationTree.DepthOf(o.Path) - top)).ToList();
    }

    public static async Task<List<OrgOption>> InScopeAsync(OrgScope scope) => await ListAsync(await scope.OrganizationsAsync());
}
