using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Pingyi.Domain.Ballots;

namespace Pingyi.Web.Features.Ballots;

/// <summary>One printed slip's codes: the long one for the link and QR, the short one to type.</summary>
public sealed record PlainCode(string Long, string Short)
{
    public string ShortFormatted => TokenCodes.FormatShort(Short);
}

/// <summary>
/// The plain codes of a batch while the administrator prints or downloads them, encrypted with
/// the app's data-protection keys so a copy of the database alone does not reveal them.
/// </summary>
public sealed class BatchCodes(IDataProtectionProvider provider)
{
    public const string Purpose = "Pingyi.TokenBatch";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public byte[] Protect(IReadOnlyList<PlainCode> codes)
    {
        var text = new StringBuilder(codes.Count * (TokenCodes.LongLength + TokenCodes.ShortLength + 2));
        foreach (var code in codes)
        {
            text.Append(code.Long).Append(' ').Append(code.Short).Append('\n');
        }
        return _protector.Protect(Encoding.ASCII.GetBytes(text.ToString()));
    }

    public List<PlainCode> Unprotect(byte[] data) =>
        Encoding.ASCII.GetString(_protector.Unprotect(data))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(parts => new PlainCode(parts[0], parts[1]))
            .ToList();

    /// <summary>The absolute link a slip's QR code opens: the ballot entry with the long code.</summary>
    public static string Link(HttpRequest request, string longCode) => $"{request.Scheme}://{request.Host}/V/{longCode}";

    /// <summary>Where a rater types the short code, as printed under the QR code.</summary>
    public static string EntryAddress(HttpRequest request) => $"{request.Host}/V";
}
