using Pingyi.Domain.Ballots;

namespace Pingyi.Domain.Loop;

/// <summary>
/// The 回执码 as a raiser types it back: case, spaces, dashes and full-width characters do not
/// matter, the shape is checked before any lookup. Receipts carry no check character
/// (<see cref="TokenCodes.NewReceipt"/>), so a well-shaped guess still costs a lookup and the throttle.
/// </summary>
public static class ReceiptCodes
{
    public const int Length = 12;

    /// <summary>Longer input is refused unread, so nobody pastes a page of text into the lookup.</summary>
    public const int InputMaxLength = 40;

    /// <summary>The receipt as issued (upper case, no separators), or null when it cannot be one.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > InputMaxLength)
        {
            return null;
        }
        // A Chinese input method may type full-width letters and digits: fold them to ASCII first.
        var s = new string(input.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c)
            .Where(c => c is not (' ' or '-' or '\u3000' or '\t')).Select(char.ToUpperInvariant).ToArray());
        return s.Length == Length && s.All(c => TokenCodes.ShortAlphabet.Contains(c)) ? s : null;
    }

    /// <summary>Groups of four, as the ballot's receipt page prints it.</summary>
    public static string Format(string receipt) => string.Join('-', receipt.Chunk(4).Select(c => new string(c)));
}
