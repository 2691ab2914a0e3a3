using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Measures;

/// <summary>
/// Downloads an evidence file for someone who sees its measure: always as an attachment, under its
/// cleaned name, with the type found from its content and no sniffing, so it never opens inside the app.
/// </summary>
public class AttachmentModel(AppDbContext db, OrgScope scope, AttachmentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var attachment = await db.MeasureAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (attachment is null)
        {
            await scope.DenyAsync("MeasureAttachment", id);
            return NotFound();
        }
        if (await scope.FindMeasureAsync(attachment.MeasureId) is null)
        {
            return NotFound();
        }
        Stream content;
        try
        {
            content = store.OpenRead(attachment.StoredName);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(content, attachment.ContentType, attachment.FileName);
    }
}
