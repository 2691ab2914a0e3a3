namespace Pingyi.Web.Identity;

/// <summary>The three roles; names are stored in English, shown in Chinese.</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string OrgAdmin = "OrgAdmin";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, OrgAdmin, Auditor];

    public static string NameOf(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        OrgAdmin => "组织管理员",
        Auditor => "审计员",
        _ => role,
    };
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Manages organisations and members: system or organisation administrators.</summary>
    public const string Manage = "Manage";

    /// <summary>Reads the audit trail: auditors and system administrators.</summary>
    public const string Audit = "Audit";

    /// <summary>Manages accounts: system administrators only.</summary>
    public const string System = "System";

    /// <summary>Uses the JSON API: the Manage roles, signed in or through an API key.</summary>
    public const string Api = "Api";
}
