using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Importing;
using Pingyi.Web.Data;
using Pingyi.Web.Importing;

namespace Pingyi.Web.Pages.Import;

[RequestSizeLimit(AppSetup.MaxRequestBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AppSetup.MaxRequestBodyBytes)]
public class IndexModel(ImportService imports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = ImportKinds.Organizations;

    public ImportPreview? Preview { get; private set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public int? Stored { get; private set; }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (!ImportKinds.IsValid(Kind))
        {
            Kind = ImportKinds.Organizations;
        }
    }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate(string? format)
    {
        var csv = format == "csv";
        var bytes = ImportService.Template(Kind, csv ? "csv" : "xlsx");
        var name = $"{ImportKinds.NameOf(Kind)}导入模板.{(csv ? "csv" : "xlsx")}";
        return File(bytes, csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null)
        {
            Errors = [new ImportError(0, 0, "", "请选择要上传的文件。")];
            return Page();
        }
        if (file.Length == 0)
        {
            Errors = [new ImportError(0, 0, "", "文件是空的。")];
            return Page();
        }
        if (file.Length > PendingImport.MaxBytes)
        {
            Errors = [new ImportError(0, 0, "", $"文件太大（{file.Length / 1024.0 / 1024.0:0.0} MB），最大允许 {PendingImport.MaxBytes / 1024 / 1024} MB。")];
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        Preview = await imports.PreviewAsync(Kind, file.FileName, buffer.ToArray(), User.Identity!.Name!);
        Errors = Preview.Errors;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid pendingId)
    {
        var (stored, errors, refusal) = await imports.ConfirmAsync(pendingId, User.Identity!.Name!);
        if (refusal is not null)
        {
            Errors = [new ImportError(0, 0, "", refusal)];
        }
        else if (errors.Count > 0)
        {
            Errors = errors;
        }
        else
        {
            Stored = stored;
        }
        return Page();
    }
}
