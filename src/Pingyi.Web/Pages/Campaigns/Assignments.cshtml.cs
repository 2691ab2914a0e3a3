using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class AssignmentsModel(AppDbContext db, OrgScope scope, CampaignCommands commands) : PlanPageModel(db, scope)
{
    /// <summary>The assignment being edited (from ?edit=), or none to add a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public AssignmentForm Form { get; set; } = new();

    public List<Assignment> Assignments { get; private set; } = [];

    public List<CampaignSubject> Subjects { get; private set; } = [];

    public List<FormOption> Forms { get; private set; } = [];

    /// <summary>The unit types among the organisation subjects, for "all subjects of a unit type".</summary>
    public List<UnitType> UnitTypes { get; private set; } = [];

    public sealed record FormOption(int Id, string Title, int Number, string Owner);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            Edit = null;
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Edit is { } aid)
        {
            if (Assignments.FirstOrDefault(a => a.Id == aid) is not { } assignment)
            {
                return NotFound();
            }
            Form = AssignmentForm.From(assignment);
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
        var result = Form.AssignmentId is { } aid
            ? await commands.UpdateAssignmentAsync(id, aid, input)
            : await commands.AddAssignmentAsync(id, input);
        return await DoneAsync(id, result, Form.AssignmentId is null ? "评议安排已添加。" : "评议安排已修改。");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int assignmentId) =>
        !ModelState.IsValid ? await InvalidAsync(id)
            : await DoneAsync(id, await commands.RemoveAssignmentAsync(id, assignmentId), "评议安排已移除。");

    protected override async Task LoadChoicesAsync()
    {
        Assignments = Campaign.Assignments
            .OrderBy(a => a.RaterGroup?.Position).ThenBy(a => a.Id).ToList();
        Subjects = CampaignPlan.Ordered(Campaign.Subjects);
        UnitTypes = Subjects.Select(s => s.Organization?.UnitType).OfType<UnitType>().Distinct().Order().ToList();
        if (!CanEdit)
        {
            return;
        }
        Forms = await (await Scope.UsableFormsAsync()).Where(f => !f.IsArchived && f.Versions.Count > 0)
            .Select(f => new FormOption(f.Id,
                f.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First(),
                f.Versions.Max(v => v.Number),
                f.Organization!.Name))
            .ToListAsync();
        Forms = Forms.OrderBy(f => f.Title, StringComparer.Ordinal).ThenBy(f => f.Id).ToList();
    }
}

/// <summary>The fields of the assignment form; AssignmentId is set when an existing assignment is edited.</summary>
public sealed class AssignmentForm
{
    public int? AssignmentId { get; set; }

    public int RaterGroupId { get; set; }

    public Direction Direction { get; set; } = Direction.ServiceRecipients;

    public int? FormId { get; set; }

    public int[] SubjectIds { get; set; } = [];

    /// <summary>Also every organisation subject of this unit type.</summary>
    public UnitType? AllOfUnitType { get; set; }

    /// <summary>Also every member subject.</summary>
    public bool AllMembers { get; set; }

    public AssignmentInput ToInput() => new(RaterGroupId, Direction, FormId, new SubjectSelection(SubjectIds, AllOfUnitType, AllMembers));

    public static AssignmentForm From(Assignment a) => new()
    {
        AssignmentId = a.Id,
        RaterGroupId = a.RaterGroupId,
        Direction = a.Direction,
        FormId = a.FormVersion?.FormId,
        SubjectIds = a.Subjects.Select(s => s.Id).ToArray(),
    };
}
