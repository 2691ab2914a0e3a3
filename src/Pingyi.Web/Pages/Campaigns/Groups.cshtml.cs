using Microsoft.AspNetCore.Mvc;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class GroupsModel(AppDbContext db, OrgScope scope, CampaignCommands commands) : PlanPageModel(db, scope)
{
    /// <summary>The group being edited (from ?edit=), or none to add a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public GroupForm Form { get; set; } = new();

    public List<RaterGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // A malformed ?edit= just opens the page for adding.
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            Edit = null;
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Edit is { } gid)
        {
            if (Groups.FirstOrDefault(g => g.Id == gid) is not { } group)
            {
                return NotFound();
            }
            Form = GroupForm.From(group);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id);
        }
        var input = Form.ToInput();
        var result = Form.GroupId is { } gid
            ? await commands.UpdateGroupAsync(id, gid, input)
            : await commands.AddGroupAsync(id, input);
        return await DoneAsync(id, result, Form.GroupId is null ? "评议人类别已添加。" : "评议人类别已修改。");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int groupId) =>
        !ModelState.IsValid ? await InvalidAsync(id)
            : await DoneAsync(id, await commands.RemoveGroupAsync(id, groupId), "评议人类别已移除。");

    protected override Task LoadChoicesAsync()
    {
        Groups = Campaign.RaterGroups.OrderBy(g => g.Position).ThenBy(g => g.Id).ToList();
        return Task.CompletedTask;
    }
}

/// <summary>The fields of the rater group form; GroupId is set when an existing group is edited.</summary>
public sealed class GroupForm
{
    public int? GroupId { get; set; }

    public RaterGroupKind Kind { get; set; } = RaterGroupKind.ServiceRecipient;

    public string? Name { get; set; }

    public int PlannedCount { get; set; }

    public int Weight { get; set; }

    public RaterGroupInput ToInput() => new(Kind, Name, PlannedCount, Weight);

    public static GroupForm From(RaterGroup g) => new()
    {
        GroupId = g.Id,
        Kind = g.Kind,
        Name = g.Kind == RaterGroupKind.Custom || g.Name != CampaignLabels.Of(g.Kind) ? g.Name : null,
        PlannedCount = g.PlannedCount,
        Weight = g.Weight,
    };
}
