using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Corrections;

namespace Pingyi.Web.Pages.Corrections;

public class IndexModel(CorrectionCommands commands) : PageModel
{
    public List<CorrectionRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await commands.ListAsync();
}
