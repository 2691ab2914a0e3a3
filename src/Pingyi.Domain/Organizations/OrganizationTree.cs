namespace Pingyi.Domain.Organizations;

/// <summary>Rules of the organisation tree, on materialised paths ("/1/4/9/").</summary>
public static class OrganizationTree
{
    public static string PathOf(string? parentPath, int id) => (parentPath ?? "/") + id + "/";

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestorPath"/> itself or lies below it.</summary>
    public static bool IsWithin(string path, string ancestorPath) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="node"/> may be moved under <paramref name="newParent"/>: never under
    /// itself or its own descendant (that would cut the subtree off the tree), never under an
    /// inactive organisation.
    /// </summary>
    public static string? CheckMove(Organization node, Organization newParent)
    {
        if (node.ParentId is null)
        {
            return "根组织不能移动。";
        }
        if (IsWithin(newParent.Path, node.Path))
        {
            return "不能把组织移动到它自己或它的下级组织之下。";
        }
        if (!newParent.IsActive)
        {
            return "不能移动到已停用的组织之下。";
        }
        return null;
    }

    /// <summary>The new path of a descendant after its ancestor moved from oldPrefix to newPrefix.</summary>
    public static string Rebase(string path, string oldPrefix, string newPrefix)
    {
        if (!IsWithin(path, oldPrefix))
        {
            throw new ArgumentException("path is not within oldPrefix", nameof(path));
        }
        return newPrefix + path[oldPrefix.Length..];
    }

    public static int DepthOf(string path) => path.Count(c => c == '/') - 1;

    /// <summary>Ids along the path, root first.</summary>
    public static IReadOnlyList<int> IdsOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}
