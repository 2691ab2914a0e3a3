namespace Pingyi.Web.Identity;

/// <summary>
/// An API key for another system (a hospital's HIS, a superior platform). It acts with the scope
/// of the administrator who created it, and only while that account is active. Only a SHA-256
/// hash of the secret is stored: the key is 256 random bits, so a plain hash cannot be reversed
/// by guessing, and it is shown once when created.
/// </summary>
public class ApiKey
{
    public const int NameMaxLength = 50;
    public const int PrefixLength = 12;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, shown in lists so a key can be recognised.</summary>
    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";

    /// <summary>The administrator whose roles and scope the key carries.</summary>
    public string OwnerUserId { get; set; } = "";

    public AppUser? Owner { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateOnly? LastUsedOn { get; set; }
}
