using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Publishing;

namespace Pingyi.Web.Pages.Publications;

/// <summary>公示: the notices of campaigns run in the caller's subtree.</summary>
public class IndexModel(PublicationQueries queries) : PageModel
{
    public List<PublicationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await queries.ListAsync();
}
