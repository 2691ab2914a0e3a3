using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Models;

namespace Pingyi.Web.Pages.Models;

public class IndexModel(ModelCommands commands) : PageModel
{
    public List<ModelRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await commands.ListAsync();
}
