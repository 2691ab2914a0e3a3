using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pingyi.Bench;

/// <summary>What the load needs: the campaign and its group, and the links of fresh codes.</summary>
public sealed record SetupResult(int CampaignId, int RaterGroupId, IReadOnlyList<string> Links, int Items,
    IReadOnlyList<(int Count, double Seconds)> Generation);

/// <summary>
/// Sets the stage through the app's own doors only: the administrator signs in on the page, then
/// the HTTP API creates a bureau and a hospital, imports a 20-item patient form, plans and opens a
/// campaign with one rater group of patients, and issues the codes (in batches of at most
/// 100,000, timed from request to Ready, which is the code generation figure of the benchmark).
/// </summary>
public static partial class BenchSetup
{
    private const int MaxBatch = 100_000;

    public static async Task<SetupResult> RunAsync(AppServer server, BenchOptions options)
    {
        using var http = await SignInAsync(server);
        var bureau = await IdOfAsync(await http.PostAsJsonAsync("/api/organizations",
            new { parentId = (int?)null, code = "BENCH", name = "压测卫生健康局", kind = 1, unitType = 1 }));
        var hospital = await IdOfAsync(await http.PostAsJsonAsync("/api/organizations",
            new { parentId = bureau, code = "BENCH-H", name = "压测人民医院", kind = 5, unitType = 2 }));
        var form = await IdOfAsync(await http.PostAsync($"/api/forms/import?organizationId={bureau}",
            new StringContent(PatientForm(), Encoding.UTF8, "application/json")));

        var today = DateOnly.FromDateTime(DateTime.Now);
        var campaign = await http.PostAsJsonAsync("/api/campaigns", new
        {
            organizationId = bureau,
            name = "压测：住院患者出院满意度评议",
            year = today.Year,
            startsOn = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endsOn = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            subjects = new { organizationIds = new[] { hospital } },
            groups = new[] { new { kind = "ServiceRecipient", name = (string?)null, plannedCount = options.Codes, weight = 100 } },
            assignments = new[] { new { groupIndex = 0, direction = "ServiceRecipients", formId = form, organizationIds = new[] { hospital } } },
        });
        var campaignJson = await JsonAsync(campaign);
        var campaignId = campaignJson["id"]!.GetValue<int>();
        var groupId = campaignJson["groups"]![0]!["id"]!.GetValue<int>();
        await JsonAsync(await http.PostAsJsonAsync($"/api/campaigns/{campaignId}/state", new { state = "Open" }));

        var (links, generation) = await IssueCodesAsync(http, campaignId, groupId, options.Codes);
        return new SetupResult(campaignId, groupId, links, 20, generation);
    }

    /// <summary>
    /// Issues <paramref name="count"/> codes of a rater group in batches of at most 100,000, each
    /// timed from the request until it is Ready, and returns their links (path and query).
    /// </summary>
    internal static async Task<(List<string> Links, List<(int Count, double Seconds)> Generation)> IssueCodesAsync(HttpClient http,
        int campaignId, int groupId, int total)
    {
        var links = new List<string>(total);
        var generation = new List<(int, double)>();
        for (var left = total; left > 0; left -= MaxBatch)
        {
            var count = Math.Min(left, MaxBatch);
            var clock = Stopwatch.StartNew();
            var batch = await JsonAsync(await http.PostAsJsonAsync($"/api/campaigns/{campaignId}/codes", new { raterGroupId = groupId, count }));
            var batchId = batch["id"]!.GetValue<int>();
            while (true)
            {
                var state = await JsonAsync(await http.GetAsync($"/api/code-batches/{batchId}"));
                var s = state["state"]!.GetValue<string>();
                if (s == "Ready")
                {
                    break;
                }
                if (s == "Failed")
                {
                    throw new InvalidOperationException("code generation failed");
                }
                await Task.Delay(200);
            }
            generation.Add((count, clock.Elapsed.TotalSeconds));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count} codes ready in {clock.Elapsed.TotalSeconds:F1} s"));
            var codes = await JsonAsync(await http.GetAsync($"/api/code-batches/{batchId}/codes"));
            links.AddRange(codes.AsArray().Select(c => new Uri(c!["link"]!.GetValue<string>()).PathAndQuery));
        }
        return (links, generation);
    }

    /// <summary>Codes used and online ballots stored, as the app itself counts them.</summary>
    public static async Task<(int Used, int Ballots)> CountUsedAsync(AppServer server, SetupResult setup)
    {
        using var http = await SignInAsync(server);
        var counts = await JsonAsync(await http.GetAsync($"/api/campaigns/{setup.CampaignId}/codes/counts"));
        var used = counts.AsArray().Sum(c => c!["used"]!.GetValue<int>());
        var progress = await JsonAsync(await http.GetAsync($"/api/campaigns/{setup.CampaignId}/progress"));
        var ballots = progress["groups"]!.AsArray().Sum(g => g!["ballots"]!.GetValue<int>());
        return (used, ballots);
    }

    /// <summary>A client signed in as the bench administrator; <paramref name="address"/>, if given, is sent as the client's X-Forwarded-For.</summary>
    internal static async Task<HttpClient> SignInAsync(AppServer server, string? address = null)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (address is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        }
        var page = await http.GetStringAsync("/Account/Login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var signIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = AppServer.AdminUser,
            ["Input.Password"] = server.AdminPassword,
            ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");
        }
        return http;
    }

    internal static async Task<int> IdOfAsync(HttpResponseMessage response) => (await JsonAsync(response))["id"]!.GetValue<int>();

    internal static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
        return JsonNode.Parse(text)!;
    }

    /// <summary>A patient satisfaction form as hospitals use it: the department, 18 five-level grades and a remark.</summary>
    internal static string PatientForm()
    {
        string[] grades =
        [
            "预约挂号", "缴费结算", "候诊时间", "门诊环境", "病房环境", "卫生间整洁", "饮食供应", "隐私保护", "医生沟通",
            "医生技术", "护理服务", "护士呼叫响应", "检查等候", "出院手续", "费用透明", "合理用药", "医德医风", "总体满意度",
        ];
        var items = new List<object>
        {
            new { key = "kslb", kind = "singleChoice", text = "您本次住院的科室类别", required = true, options = new[] { "内科", "外科", "妇产科", "儿科", "其他" } },
        };
        items.AddRange(grades.Select((g, i) => (object)new
        {
            key = $"g{i + 1:D2}",
            kind = "grade",
            text = g,
            required = i == grades.Length - 1,
            scale = "satisfaction5",
        }));
        items.Add(new { key = "yjjy", kind = "text", text = "您对我院还有哪些意见和建议？", required = false, maxLength = 500 });
        return JsonSerializer.Serialize(new
        {
            format = "pingyi-form",
            formatVersion = 1,
            title = "住院患者出院满意度调查表",
            description = "本表不记名。请根据本次住院的亲身经历填写。",
            sections = new[] { new { title = "住院体验", items } },
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryField();
}
