namespace Pingyi.Web.Data;

/// <summary>
/// A secret of this installation kept in the database so every web instance shares it, e.g. the
/// key under which token codes are hashed. Created once, at first use, and never shown.
/// </summary>
public class AppSecret
{
    public const string TokenHashKey = "token-hash-key";

    public string Name { get; set; } = "";

    public byte[] Value { get; set; } = [];

    public DateTime CreatedUtc { get; set; }
}
