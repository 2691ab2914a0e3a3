using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Pages.Organizations;

/// <summary>The fields of the add and edit forms.</summary>
public sealed class OrganizationForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public OrganizationKind Kind { get; set; } = OrganizationKind.Branch;

    public UnitType UnitType { get; set; }

    public int SortOrder { get; set; }

    public OrganizationInput ToInput() => new(Code, Name, Kind, UnitType, Math.Clamp(SortOrder, 0, 9999));

    public static OrganizationForm From(Organization o) =>
        new() { Code = o.Code, Name = o.Name, Kind = o.Kind, UnitType = o.UnitType, SortOrder = o.SortOrder };
}

/// <summary>One node of the rendered tree.</summary>
public sealed record TreeNode(Organization Organization, int MemberCount, List<TreeNode> Children)
{
    /// <summary>Builds the forest from organisations ordered by path; nodes whose parent is absent become roots.</summary>
    public static List<TreeNode> Build(IEnumerable<Organization> organizations, IReadOnlyDictionary<int, int> memberCounts)
    {
        var nodes = new Dictionary<int, TreeNode>();
        var roots = new List<TreeNode>();
        foreach (var o in organizations)
        {
            var node = new TreeNode(o, memberCounts.GetValueOrDefault(o.Id), []);
            nodes[o.Id] = node;
            if (o.ParentId is { } p && nodes.TryGetValue(p, out var parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }
        Sort(roots);
        return roots;
    }

    private static void Sort(List<TreeNode> list)
    {
        list.Sort((a, b) => a.Organization.SortOrder != b.Organization.SortOrder
            ? a.Organization.SortOrder.CompareTo(b.Organization.SortOrder)
            : a.Organization.Id.CompareTo(b.Organization.Id));
        foreach (var n in list)
        {
            Sort(n.Children);
        }
    }
}
