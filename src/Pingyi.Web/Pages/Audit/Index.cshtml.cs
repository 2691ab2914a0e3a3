using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Data;

namespace Pingyi.Web.Pages.Audit;

public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var q = db.AuditEntries.AsNoTracking();
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.TimeUtc >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(e => e.TimeUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            q = q.Where(e => e.Actor == actor);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            q = q.Where(e => e.Action == Action);
        }
        if (Outcome is { } outcome)
        {
            q = q.Where(e => e.Outcome == outcome);
        }
        Total = await q.CountAsync();
        Rows = await q.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public string LinkTo(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd"),
            ["to"] = To?.ToString("yyyy-MM-dd"),
            ["actor"] = Actor,
            ["action"] = Action,
            ["outcome"] = Outcome is { } o ? ((int)o).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/Audit", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
