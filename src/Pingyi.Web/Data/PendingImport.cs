namespace Pingyi.Web.Data;

/// <summary>
/// An uploaded import file between preview and confirmation. Kept in the database, not in the
/// web server's memory or disk, so any instance behind a proxy can confirm it.
/// </summary>
public class PendingImport
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public Guid Id { get; set; }

    public string Kind { get; set; } = "";

    public string FileName { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
