using Microsoft.AspNetCore.Identity;

namespace Pingyi.Web.Identity;

/// <summary>管理员: a login. An organisation administrator is scoped to one organisation's subtree.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = "";

    /// <summary>The root of the subtree an organisation administrator manages; null for the other roles.</summary>
    public int? OrganizationId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedUtc { get; set; }
}
