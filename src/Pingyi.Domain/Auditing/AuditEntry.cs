namespace Pingyi.Domain.Auditing;

/// <summary>审计日志: one row of the audit trail. Written once, never changed or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime TimeUtc { get; set; }

    /// <summary>The account's user name, or empty for an anonymous caller.</summary>
    public string Actor { get; set; } = "";

    public string? Ip { get; set; }

    public string Action { get; set; } = "";

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public AuditOutcome Outcome { get; set; }

    public string? Detail { get; set; }
}

public enum AuditOutcome
{
    Success = 1,
    Failure = 2,
    Denied = 3,
}
