using Pingyi.Domain.Organizations;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Pages.Accounts;

public sealed class AccountFields
{
    public string? DisplayName { get; set; }

    public string Role { get; set; } = Roles.OrgAdmin;

    public int? OrganizationId { get; set; }

    public List<Organization> Organizations { get; set; } = [];
}
