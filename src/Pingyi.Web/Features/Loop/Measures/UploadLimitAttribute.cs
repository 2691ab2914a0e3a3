using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Pingyi.Web.Features.Loop.Measures;

/// <summary>
/// Reads an upload form with its own limit before anything else does, so that a body over the
/// limit is answered 413 (the Chinese "file too large" page) instead of failing inside the
/// anti-forgery check or model binding. Runs after the request size limit (900) and before the
/// anti-forgery filter (1000).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long bytes) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }
        try
        {
            await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bytes }, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // The error page is re-executed on this request: it must find an empty form, not read the rest of the body.
            context.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
