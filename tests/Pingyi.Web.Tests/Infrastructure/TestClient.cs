using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Pingyi.Web.Tests.Infrastructure;

/// <summary>An HTTP client that keeps cookies and fills in the anti-forgery token, as a browser would.</summary>
public sealed partial class TestClient(HttpClient http) : IDisposable
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public HttpClient Http { get; } = http;

    public bool SignedIn { get; private set; }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    public async Task<string> TokenAsync(string? page = null)
    {
        page ??= SignedIn ? "/Account/ChangePassword" : "/Account/Login";
        var html = await GetHtmlAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no anti-forgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        var token = await TokenAsync(tokenPage);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public async Task<HttpResponseMessage> PostFileAsync(string url, IEnumerable<KeyValuePair<string, string>> fields,
        string fileName, byte[] content)
    {
        var token = await TokenAsync();
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields.Append(new("__RequestVerificationToken", token)))
        {
            form.Add(new StringContent(v), k);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await Http.PostAsync(url, form);
    }

    public async Task SignInAsync(string userName, string password)
    {
        var response = await PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in of {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        SignedIn = true;
    }

    public void Dispose() => Http.Dispose();
}
