using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Forms;

namespace Pingyi.Web.Pages.Forms;

/// <summary>Downloads a version as a FormJson file that another organisation can import.</summary>
public class ExportModel(FormQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int versionId)
    {
        var version = await queries.VersionAsync(versionId);
        return version is null ? NotFound() : File(FormExport.Bytes(version), FormExport.ContentType, FormExport.FileName(version));
    }
}
