using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Publishing;

namespace Pingyi.Web.Pages.Gongshi;

/// <summary>评议结果公示: the notices that stand, for anyone, without login.</summary>
[AllowAnonymous]
public class IndexModel(PublicNotices notices) : PageModel
{
    public IReadOnlyList<NoticeListItem> Notices { get; private set; } = [];

    public async Task OnGetAsync() => Notices = await notices.ListAsync();
}
