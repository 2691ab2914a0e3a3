using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Replies;

namespace Pingyi.Web.Pages.Replies;

/// <summary>反馈公开: every replied problem for anyone to read; opinions themselves are never shown.</summary>
[AllowAnonymous]
public class IndexModel(PublicReplies replies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "org")]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PublicReplyPage Result { get; private set; } = new([], 0);

    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    public bool HasNext => PageNumber * PublicReplies.PageSize < Result.Total;

    public async Task OnGetAsync()
    {
        if (!ModelState.IsValid || PageNumber < 1)
        {
            // A malformed filter or page shows the first page of everything rather than an error.
            ModelState.Clear();
            OrganizationId = null;
            PageNumber = 1;
        }
        Organizations = await replies.OrganizationsAsync();
        Result = await replies.PageAsync(OrganizationId, PageNumber);
    }

    public string LinkTo(int page) =>
        OrganizationId is { } org
            ? $"/Replies?org={org.ToString(CultureInfo.InvariantCulture)}&p={page.ToString(CultureInfo.InvariantCulture)}"
            : $"/Replies?p={page.ToString(CultureInfo.InvariantCulture)}";
}
