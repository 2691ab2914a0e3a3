namespace Pingyi.Domain.Ballots;

/// <summary>
/// 评议码: admits one rater of one rater group of one campaign, once. It has two forms, printed
/// together on a slip: a long random code for links and QR, and a short typed code with a check
/// character for paper. Only keyed hashes of both are stored (see TokenCodes), and a token never
/// records when or by whom it was used, so nothing joins it to the ballot it admitted.
/// </summary>
public class Token
{
    public const int HashLength = 64;

    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int RaterGroupId { get; set; }

    public int BatchId { get; set; }

    public string LongHash { get; set; } = "";

    public string ShortHash { get; set; } = "";

    public TokenState State { get; set; } = TokenState.Unused;
}

public enum TokenState
{
    Unused = 0,
    Used = 1,
    Void = 2,
}

/// <summary>
/// One generation run of codes for a rater group. While the administrator prints or downloads
/// them, the plain codes exist only here, encrypted with the app's data-protection keys; they are
/// purged after download or expiry, leaving only the hashes in <see cref="Token"/>.
/// </summary>
public class TokenBatch
{
    public const int MaxCount = 100_000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int RaterGroupId { get; set; }

    public int Count { get; set; }

    /// <summary>How many codes are generated so far, for the progress bar.</summary>
    public int Generated { get; set; }

    public TokenBatchState State { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>The plain codes, encrypted; null once purged.</summary>
    public byte[]? ProtectedCodes { get; set; }

    public DateTime? PurgedUtc { get; set; }
}

public enum TokenBatchState
{
    Generating = 1,
    Ready = 2,
    Purged = 3,
    Failed = 4,
}
