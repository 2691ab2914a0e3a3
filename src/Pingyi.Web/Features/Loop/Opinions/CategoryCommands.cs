using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Opinions;

/// <summary>
/// The system-wide list of opinion categories, kept by the system administrator. A category is
/// retired, never deleted, so the opinions and problems filed under it keep their category.
/// </summary>
public sealed class CategoryCommands(AppDbContext db, OrgScope scope, AuditLog audit)
{
    public async Task<CommandResult> AddAsync(string? name)
    {
        if (!scope.IsSystemAdmin)
        {
            return CommandResult.Missing;
        }
        if (OpinionRules.CheckCategoryName(name, await db.OpinionCategories.Select(c => c.Name).ToListAsync()) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var order = await db.OpinionCategories.MaxAsync(c => (int?)c.SortOrder) ?? 0;
        var category = new OpinionCategory { Name = name!.Trim(), SortOrder = order + 1 };
        db.OpinionCategories.Add(category);
        audit.Add(AuditActions.OpinionCategoryChange, AuditOutcome.Success, "OpinionCategory", null, $"新增类别“{category.Name}”");
        await db.SaveChangesAsync();
        return CommandResult.Ok(category.Id);
    }

    public async Task<CommandResult> RenameAsync(int id, string? name)
    {
        var category = await FindAsync(id);
        if (category is null)
        {
            return CommandResult.Missing;
        }
        var others = await db.OpinionCategories.Where(c => c.Id != id).Select(c => c.Name).ToListAsync();
        if (OpinionRules.CheckCategoryName(name, others) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var before = category.Name;
        category.Name = name!.Trim();
        audit.Add(AuditActions.OpinionCategoryChange, AuditOutcome.Success, "OpinionCategory", Id(id), $"类别改名：{before} → {category.Name}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(id);
    }

    /// <summary>Swaps the category with its neighbour above (<paramref name="up"/>) or below.</summary>
    public async Task<CommandResult> MoveAsync(int id, bool up)
    {
        var category = await FindAsync(id);
        if (category is null)
        {
            return CommandResult.Missing;
        }
        var all = await db.OpinionCategories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        var at = all.FindIndex(c => c.Id == id);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= all.Count)
        {
            return CommandResult.Ok(id);
        }
        (all[at], all[to]) = (all[to], all[at]);
        // Renumbering all keeps the order dense even when older rows shared a sort order.
        for (var i = 0; i < all.Count; i++)
        {
            all[i].SortOrder = i + 1;
        }
        audit.Add(AuditActions.OpinionCategoryChange, AuditOutcome.Success, "OpinionCategory", Id(id), $"调整类别“{category.Name}”的顺序");
        await db.SaveChangesAsync();
        return CommandResult.Ok(id);
    }

    public async Task<CommandResult> SetActiveAsync(int id, bool active)
    {
        var category = await FindAsync(id);
        if (category is null)
        {
            return CommandResult.Missing;
        }
        if (category.IsActive == active)
        {
            return CommandResult.Ok(id);
        }
        category.IsActive = active;
        audit.Add(AuditActions.OpinionCategoryChange, AuditOutcome.Success, "OpinionCategory", Id(id),
            $"{(active ? "恢复" : "停用")}类别“{category.Name}”");
        await db.SaveChangesAsync();
        return CommandResult.Ok(id);
    }

    private async Task<OpinionCategory?> FindAsync(int id)
    {
        var category = scope.IsSystemAdmin ? await db.OpinionCategories.FirstOrDefaultAsync(c => c.Id == id) : null;
        if (category is null)
        {
            await scope.DenyAsync("OpinionCategory", id);
        }
        return category;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
