using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Tests.Organizations;

public class OrganizationTreeTests
{
    [Fact]
    public void PathOf_a_root_is_its_id_between_slashes()
    {
        Assert.Equal("/1/", OrganizationTree.PathOf(null, 1));
    }

    [Fact]
    public void PathOf_a_child_appends_its_id_to_the_parent_path()
    {
        Assert.Equal("/1/4/9/", OrganizationTree.PathOf("/1/4/", 9));
    }

    [Theory]
    [InlineData("/1/2/", "/1/2/")]
    [InlineData("/1/2/5/", "/1/2/")]
    [InlineData("/1/2/5/9/", "/1/2/")]
    [InlineData("/1/2/", "/")]
    public void IsWithin_is_true_for_the_node_itself_and_its_descendants(string path, string ancestorPath)
    {
        Assert.True(OrganizationTree.IsWithin(path, ancestorPath));
    }

    [Theory]
    [InlineData("/1/20/", "/1/2/")]
    [InlineData("/1/20/5/", "/1/2/")]
    [InlineData("/1/", "/1/2/")]
    [InlineData("/3/2/", "/1/2/")]
    public void IsWithin_is_false_for_ancestors_siblings_and_ids_sharing_a_digit_prefix(string path, string ancestorPath)
    {
        Assert.False(OrganizationTree.IsWithin(path, ancestorPath));
    }

    [Fact]
    public void CheckMove_refuses_to_move_the_root()
    {
        var root = Org(1, null, "/1/");
        var other = Org(7, null, "/7/");

        Assert.Equal("根组织不能移动。", OrganizationTree.CheckMove(root, other));
    }

    [Fact]
    public void CheckMove_refuses_to_move_a_node_under_itself()
    {
        var node = Org(2, 1, "/1/2/");

        Assert.Equal("不能把组织移动到它自己或它的下级组织之下。", OrganizationTree.CheckMove(node, node));
    }

    [Theory]
    [InlineData(5, 2, "/1/2/5/")]
    [InlineData(9, 5, "/1/2/5/9/")]
    public void CheckMove_refuses_to_move_a_node_under_its_own_descendant(int id, int parentId, string path)
    {
        var node = Org(2, 1, "/1/2/");
        var descendant = Org(id, parentId, path);

        Assert.Equal("不能把组织移动到它自己或它的下级组织之下。", OrganizationTree.CheckMove(node, descendant));
    }

    [Fact]
    public void CheckMove_refuses_an_inactive_new_parent()
    {
        var node = Org(2, 1, "/1/2/");
        var inactive = Org(3, 1, "/1/3/", isActive: false);

        Assert.Equal("不能移动到已停用的组织之下。", OrganizationTree.CheckMove(node, inactive));
    }

    [Fact]
    public void CheckMove_allows_an_active_parent_elsewhere_in_the_tree()
    {
        var node = Org(5, 2, "/1/2/5/");
        var newParent = Org(3, 1, "/1/3/");

        Assert.Null(OrganizationTree.CheckMove(node, newParent));
    }

    [Fact]
    public void CheckMove_does_not_mistake_a_node_whose_id_shares_a_digit_prefix_for_a_descendant()
    {
        var node = Org(2, 1, "/1/2/");
        var sibling = Org(20, 1, "/1/20/");

        Assert.Null(OrganizationTree.CheckMove(node, sibling));
    }

    [Theory]
    [InlineData("/1/2/5/", "/1/3/5/")]
    [InlineData("/1/2/5/9/", "/1/3/5/9/")]
    [InlineData("/1/2/5/9/11/", "/1/3/5/9/11/")]
    public void Rebase_replaces_the_old_prefix_with_the_new_one(string path, string expected)
    {
        Assert.Equal(expected, OrganizationTree.Rebase(path, "/1/2/5/", "/1/3/5/"));
    }

    [Theory]
    [InlineData("/1/2/6/")]
    [InlineData("/1/2/50/")]
    public void Rebase_refuses_a_path_outside_the_old_prefix(string path)
    {
        Assert.Throws<ArgumentException>(() => OrganizationTree.Rebase(path, "/1/2/5/", "/1/3/5/"));
    }

    [Theory]
    [InlineData("/", 0)]
    [InlineData("/1/", 1)]
    [InlineData("/1/4/", 2)]
    [InlineData("/1/4/9/", 3)]
    [InlineData("/10/400/9000/12/", 4)]
    public void DepthOf_counts_the_ids_on_the_path(string path, int expected)
    {
        Assert.Equal(expected, OrganizationTree.DepthOf(path));
    }

    [Fact]
    public void IdsOf_lists_the_ids_root_first()
    {
        Assert.Equal([1, 40, 9], OrganizationTree.IdsOf("/1/40/9/"));
    }

    [Fact]
    public void IdsOf_the_empty_path_is_empty()
    {
        Assert.Empty(OrganizationTree.IdsOf("/"));
    }

    private static Organization Org(int id, int? parentId, string path, bool isActive = true) =>
        new() { Id = id, ParentId = parentId, Path = path, IsActive = isActive, Code = $"ORG{id}", Name = $"组织{id}" };
}
