namespace Pingyi.Web.Infrastructure;

/// <summary>
/// Response headers that keep pages from being framed, sniffed or leaking their URL to other
/// sites. The policy allows only the app's own files: Pingyi runs on intranets with no CDN.
/// </summary>
public static class SecurityHeaders
{
    public static Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
        return next();
    }
}
