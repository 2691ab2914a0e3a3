using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class SubjectsModel(AppDbContext db, OrgScope scope, CampaignCommands commands) : PlanPageModel(db, scope)
{
    public const int MaxMembersListed = 200;

    /// <summary>Filters the members offered for picking one by one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<CampaignSubject> Subjects { get; private set; } = [];

    /// <summary>Active organisations of the campaign's subtree: roots for the subtree forms, and picks.</summary>
    public List<OrgOption> Organizations { get; private set; } = [];

    public List<Member> Members { get; private set; } = [];

    public int MemberTotal { get; private set; }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    public async Task<IActionResult> OnPostPickAsync(int id, int[] organizationIds, int[] memberIds) =>
        !ModelState.IsValid ? await InvalidAsync(id)
            : await DoneAsync(id, await commands.AddSubjectsAsync(id, organizationIds, memberIds), "评议对象已添加。");

    public async Task<IActionResult> OnPostSubtreeAsync(int id, int rootId, UnitType? unitType, OrganizationKind? kind) =>
        !ModelState.IsValid ? await InvalidAsync(id)
            : await DoneAsync(id, await commands.AddOrganizationsOfSubtreeAsync(id, rootId, unitType, kind), "评议对象已添加。");

    public async Task<IActionResult> OnPostMembersAsync(int id, int rootId, MemberRole? role) =>
        !ModelState.IsValid ? await InvalidAsync(id)
            : await DoneAsync(id, await commands.AddMembersOfSubtreeAsync(id, rootId, role), "评议对象已添加。");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int subjectId) =>
        !ModelState.IsValid ? await InvalidAsync(id)
            : await DoneAsync(id, await commands.RemoveSubjectAsync(id, subjectId), "评议对象已移除。");

    protected override async Task LoadChoicesAsync()
    {
        Subjects = CampaignPlan.Ordered(Campaign.Subjects);
        if (!CanEdit)
        {
            return;
        }
        var path = Campaign.Organization!.Path;
        Organizations = await OrgOption.ListAsync(Db.Organizations.Where(o => o.Path.StartsWith(path)));
        var members = Db.Members.Where(m => m.IsActive && m.Organization!.Path.StartsWith(path));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            q = q.Length > Member.NameMaxLength ? q[..Member.NameMaxLength] : q;
            members = members.Where(m => m.Name.Contains(q) || m.Organization!.Name.Contains(q));
        }
        MemberTotal = await members.CountAsync();
        Members = await members.Include(m => m.Organization).OrderBy(m => m.Organization!.Path).ThenBy(m => m.Id)
            .Take(MaxMembersListed).AsNoTracking().ToListAsync();
    }
}
