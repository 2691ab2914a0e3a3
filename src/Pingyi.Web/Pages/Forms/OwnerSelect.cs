using Pingyi.Domain.Organizations;

namespace Pingyi.Web.Pages.Forms;

/// <summary>The organisation picker of the create, import and copy forms.</summary>
public sealed record OwnerSelect(IReadOnlyList<Organization> Owners, string Label = "所属组织");
