namespace Pingyi.Domain.Organizations;

/// <summary>组织: one node of the organisation tree.</summary>
public class Organization
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    /// <summary>组织编码: a stable, human-typed key used by imports to name a parent.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public OrganizationKind Kind { get; set; }

    public UnitType UnitType { get; set; }

    public int? ParentId { get; set; }

    public Organization? Parent { get; set; }

    /// <summary>
    /// Materialised path of ids, e.g. "/1/4/9/". Subtree queries (scope, roll-ups) become a
    /// prefix match that both SQLite and PostgreSQL index, instead of recursive queries.
    /// </summary>
    public string Path { get; set; } = "/";

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedUtc { get; set; }

    public DateTime? DeactivatedUtc { get; set; }
}
