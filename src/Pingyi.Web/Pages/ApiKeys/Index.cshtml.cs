using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.ApiKeys;

/// <summary>
/// API keys: an organisation administrator manages the keys they created; a system administrator
/// sees and may revoke every key. A new key is shown once, in the response to its creation.
/// </summary>
public class IndexModel(AppDbContext db, UserManager<AppUser> users, OrgScope scope, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string Prefix, string Owner, DateTime CreatedUtc, DateOnly? LastUsedOn, bool Revoked);

    public List<Row> Rows { get; private set; } = [];

    public bool IsSystemAdmin => scope.IsSystemAdmin;

    /// <summary>The organisation whose subtree the caller's keys reach; null for the whole tree.</summary>
    public string? ScopeName { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The key just created, shown this once and never stored.</summary>
    public string? NewKey { get; private set; }

    /// <summary>The key whose revocation awaits confirmation.</summary>
    public Row? ToRevoke { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? revoke)
    {
        if (revoke is { } id)
        {
            var key = await FindAsync(id);
            if (key is null)
            {
                return NotFound();
            }
            ToRevoke = ToRow(key);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var error = ModelState.IsValid ? TextRules.CheckName(Name, "密钥名称", ApiKey.NameMaxLength) : "填写的内容格式不正确，请检查后重试。";
        if (error is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError("", error);
            await LoadAsync();
            return Page();
        }
        var secret = ApiKeySecret.New();
        var key = new ApiKey
        {
            Name = Name!.Trim(),
            Prefix = ApiKeySecret.PrefixOf(secret),
            SecretHash = ApiKeySecret.HashOf(secret),
            OwnerUserId = users.GetUserId(User)!,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            audit.Add(AuditActions.ApiKeyCreate, AuditOutcome.Success, "ApiKey", Id(key.Id), $"{key.Prefix}，名称：{key.Name}");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        NewKey = secret;
        Name = null;
        // The page holds the only copy of the key: keep it out of every cache.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var key = await FindAsync(id);
        if (key is null)
        {
            return NotFound();
        }
        if (key.RevokedUtc is null)
        {
            key.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.ApiKeyRevoke, AuditOutcome.Success, "ApiKey", Id(key.Id),
                $"{key.Prefix}，名称：{key.Name}，所有者：{key.Owner!.UserName}");
            await db.SaveChangesAsync();
        }
        TempData["Message"] = $"密钥 {key.Prefix} 已吊销，使用它的系统从现在起无法访问接口。";
        return RedirectToPage();
    }

    /// <summary>The key if the caller may manage it (their own, or any for a system administrator); otherwise null, audited.</summary>
    private async Task<ApiKey?> FindAsync(int id)
    {
        var key = await db.ApiKeys.Include(k => k.Owner).FirstOrDefaultAsync(k => k.Id == id);
        if (key is not null && (scope.IsSystemAdmin || key.OwnerUserId == users.GetUserId(User)))
        {
            return key;
        }
        await scope.DenyAsync("ApiKey", id);
        return null;
    }

    private async Task LoadAsync()
    {
        var keys = db.ApiKeys.AsNoTracking().Include(k => k.Owner).AsQueryable();
        if (!scope.IsSystemAdmin)
        {
            var userId = users.GetUserId(User);
            keys = keys.Where(k => k.OwnerUserId == userId);
        }
        Rows = (await keys.OrderByDescending(k => k.Id).ToListAsync()).Select(ToRow).ToList();
        ScopeName = scope.RootId is { } root
            ? await db.Organizations.Where(o => o.Id == root).Select(o => o.Name).FirstOrDefaultAsync()
            : null;
    }

    private static Row ToRow(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, $"{k.Owner!.DisplayName}（{k.Owner.UserName}）", k.CreatedUtc, k.LastUsedOn, k.RevokedUtc is not null);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
