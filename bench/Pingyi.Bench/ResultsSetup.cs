using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Pingyi.Bench;

/// <summary>
/// The results benchmark's campaign: subjects, its two rater groups, the G1 cells the generator
/// fills, and G2's codes for the live raters; plus what the plan needed beyond the API.
/// </summary>
public sealed record ResultsCampaign(int CampaignId, int FormVersionId, int G1, int G2, IReadOnlyList<GeneratedCell> Cells,
    IReadOnlyList<string> Links, IReadOnlyList<(int Count, double Seconds)> CodeGeneration, DateOnly StartsOn, int AssignmentsByApi,
    string? ApiRefusal, double Seconds);

/// <summary>
/// Sets up, through the app's API as the Step 3 bench does, a bureau with N units, the 20-item
/// patient form, and ONE campaign on the N units with two rater groups: G1 服务对象 (weight 70),
/// one assignment of ONE unit each, whose ballots the generator writes; and G2 (weight 30), one
/// assignment on unit #1 only, whose codes the live raters use, so their ballots go into the same
/// campaign through the real writer and keep changing what the dashboards show.
/// The API refuses more than 200 assignments per campaign (CampaignCommands.MaxAssignments) and
/// a plan with a subject no assignment covers; the driver asks for all assignments first and,
/// when refused, lets the API make 198 single-unit G1 assignments and one covering the other
/// units, then splits that one in the database into one assignment per unit (copies of it, each
/// taking over one unit's row), before opening.
/// </summary>
public static class ResultsSetup
{
    private const int ApiAssignmentLimit = 200;

    public static async Task<ResultsCampaign> RunAsync(AppServer server, BenchOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var http = await BenchSetup.SignInAsync(server);
        var bureau = await BenchSetup.IdOfAsync(await http.PostAsJsonAsync("/api/organizations",
            new { parentId = (int?)null, code = "RB", name = "结果压测卫生健康局", kind = 1, unitType = 1 }));
        var units = new int[options.Subjects];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < units.Length)
            {
                units[i] = await BenchSetup.IdOfAsync(await http.PostAsJsonAsync("/api/organizations", new
                {
                    parentId = bureau,
                    code = string.Create(CultureInfo.InvariantCulture, $"RB-{i + 1:D4}"),
                    name = string.Create(CultureInfo.InvariantCulture, $"压测第{i + 1:D4}医院"),
                    kind = 5,
                    unitType = 2,
                }));
            }
        }));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {units.Length} units created ({clock.Elapsed.TotalSeconds:F0} s)"));
        var form = await BenchSetup.IdOfAsync(await http.PostAsync($"/api/forms/import?organizationId={bureau}",
            new StringContent(BenchSetup.PatientForm(), Encoding.UTF8, "application/json")));

        var today = DateOnly.FromDateTime(DateTime.Now);
        var startsOn = today.AddDays(-20);
        object Assignment(int group, int unit) =>
            new { groupIndex = group, direction = "ServiceRecipients", formId = form, organizationIds = new[] { unit } };
        object Request(IEnumerable<object> assignments) => new
        {
            organizationId = bureau,
            name = "结果压测：百万张测评票",
            year = today.Year,
            startsOn = startsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endsOn = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            subjects = new { organizationIds = units },
            groups = new[]
            {
                new { kind = "ServiceRecipient", name = (string?)null, plannedCount = Math.Max(options.Ballots, 1), weight = 70 },
                new { kind = "GrassrootsRepresentative", name = (string?)null, plannedCount = Math.Max(options.Codes, 1), weight = 30 },
            },
            assignments = new[] { Assignment(1, units[0]) }.Concat(assignments).ToArray(),
        };

        string? refusal = null;
        var response = await http.PostAsJsonAsync("/api/campaigns", Request(units.Select(u => Assignment(0, u))));
        if (!response.IsSuccessStatusCode)
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
            refusal = $"{(int)response.StatusCode} {problem?["title"]}";
            Console.Error.WriteLine($"  the API refused {units.Length + 1} assignments ({refusal}): one G1 assignment is split in the database");
            var single = ApiAssignmentLimit - 2;
            var rest = new { groupIndex = 0, direction = "ServiceRecipients", formId = form, organizationIds = units.Skip(single).ToArray() };
            response = await http.PostAsJsonAsync("/api/campaigns", Request(units.Take(single).Select(u => Assignment(0, u)).Append(rest)));
        }
        var campaign = await BenchSetup.JsonAsync(response);
        var campaignId = campaign["id"]!.GetValue<int>();
        var g1 = campaign["groups"]![0]!["id"]!.GetValue<int>();
        var g2 = campaign["groups"]![1]!["id"]!.GetValue<int>();
        var g1Assignments = campaign["assignments"]!.AsArray().Where(a => a!["raterGroupId"]!.GetValue<int>() == g1).ToList();
        var assignments = g1Assignments
            .Select(a => new GeneratedCell(a!["id"]!.GetValue<int>(), a["subjectIds"]![0]!.GetValue<int>()))
            .ToList();
        var formVersionId = campaign["assignments"]![0]!["formVersionId"]!.GetValue<int>();
        if (g1Assignments.FirstOrDefault(a => a!["subjectIds"]!.AsArray().Count > 1) is { } shared)
        {
            var subjects = shared["subjectIds"]!.AsArray().Select(s => s!.GetValue<int>()).ToList();
            assignments.AddRange(await SplitAssignmentAsync(server, options, shared["id"]!.GetValue<int>(), subjects.Skip(1).ToList()));
        }
        await BenchSetup.JsonAsync(await http.PostAsJsonAsync($"/api/campaigns/{campaignId}/state", new { state = "Open" }));
        var (links, codes) = await BenchSetup.IssueCodesAsync(http, campaignId, g2, options.Codes);
        return new ResultsCampaign(campaignId, formVersionId, g1, g2, assignments, links, codes, startsOn,
            campaign["assignments"]!.AsArray().Count, refusal, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Moves each of <paramref name="subjectIds"/> out of assignment <paramref name="shared"/> into
    /// an assignment of its own, a copy of it (group, direction, form version).
    /// </summary>
    private static async Task<List<GeneratedCell>> SplitAssignmentAsync(AppServer server, BenchOptions options, int shared, List<int> subjectIds)
    {
        await using var connection = await BenchDatabase.OpenAsync(server, options);
        await using var transaction = await connection.BeginTransactionAsync();
        var cells = new List<GeneratedCell>(subjectIds.Count);
        foreach (var subject in subjectIds)
        {
            var id = Convert.ToInt32(await BenchDatabase.ExecuteAsync(connection, transaction, """
                INSERT INTO "Assignments" ("CampaignId", "RaterGroupId", "Direction", "FormVersionId")
                SELECT "CampaignId", "RaterGroupId", "Direction", "FormVersionId" FROM "Assignments" WHERE "Id" = @t
                RETURNING "Id"
                """, ("@t", shared)), CultureInfo.InvariantCulture);
            await BenchDatabase.ExecuteAsync(connection, transaction,
                """UPDATE "AssignmentSubjects" SET "AssignmentId" = @a WHERE "AssignmentId" = @t AND "CampaignSubjectId" = @s""",
                ("@a", id), ("@t", shared), ("@s", subject));
            cells.Add(new GeneratedCell(id, subject));
        }
        await transaction.CommitAsync();
        return cells;
    }

    /// <summary>G2's ballots as the app counts them (the progress API), to check against the raters' acknowledgements.</summary>
    public static async Task<int> G2BallotsAsync(AppServer server, ResultsCampaign campaign)
    {
        using var http = await BenchSetup.SignInAsync(server);
        var progress = await BenchSetup.JsonAsync(await http.GetAsync($"/api/campaigns/{campaign.CampaignId}/progress"));
        return progress["groups"]!.AsArray().Where(g => g!["id"]!.GetValue<int>() == campaign.G2).Sum(g => g!["ballots"]!.GetValue<int>());
    }
}
