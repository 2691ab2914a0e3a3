using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pingyi.Web.Pages;

/// <summary>Every error a person can meet, in Chinese and without internals.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = "系统处理您的请求时出错，已记录。请稍后重试，或联系管理员。";

    // The status comes from the route only: a re-executed POST may carry a form field named "code".
    public void OnGet([FromRoute] int? code) => Describe(code);

    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            400 => ("请求无效", "提交的内容格式不正确，请返回重试。"),
            403 => ("无权访问", "您没有权限访问该页面或该组织的数据。"),
            404 => ("页面不存在", "您要找的页面或数据不存在，或不在您的管理范围内。"),
            405 => ("请求方式不正确", "请通过页面上的按钮操作。"),
            413 => ("文件太大", "上传的文件太大，请减小后重试（导入文件最大 5 MB，整改附件最大 10 MB）。"),
            415 => ("格式不支持", "提交的内容格式不受支持。"),
            429 => ("请求太频繁", "请稍后再试。"),
            _ => (Title, Message),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
