using Pingyi.Domain.Ballots;
using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class ReceiptCodesTests
{
    [Fact]
    public void A_receipt_survives_case_spaces_and_dashes()
    {
        var receipt = TokenCodes.NewReceipt();
        Assert.Equal(receipt, ReceiptCodes.Normalize(receipt));
        Assert.Equal(receipt, ReceiptCodes.Normalize(" " + ReceiptCodes.Format(receipt).ToLowerInvariant() + " "));
        Assert.Equal(receipt, ReceiptCodes.Normalize(string.Join('\u3000', receipt.Chunk(3).Select(c => new string(c)))));
        Assert.Equal(receipt, ReceiptCodes.Normalize(string.Join('－', receipt.Chunk(4).Select(c => new string(c)))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("ABCD-EFGH-JKLMN")]
    [InlineData("ABCD-EFGH-JK0O")]
    [InlineData("ABCD-EFGH-JK1I")]
    [InlineData("<script>ab</script>")]
    public void Anything_else_is_malformed(string? input) => Assert.Null(ReceiptCodes.Normalize(input));

    [Fact]
    public void Full_width_input_is_folded() => Assert.Equal("ABCDEFGHJKLM", ReceiptCodes.Normalize("ＡＢＣＤ－ｅｆｇｈ　JKLM"));

    [Fact]
    public void Overlong_input_is_refused_unread() =>
        Assert.Null(ReceiptCodes.Normalize("ABCD" + new string(' ', 40) + "EFGHJKLM"));

    [Fact]
    public void A_short_token_code_is_no_receipt() => Assert.Null(ReceiptCodes.Normalize(TokenCodes.NewShortCode()));

    [Fact]
    public void Format_groups_by_four() => Assert.Equal("ABCD-EFGH-JKLM", ReceiptCodes.Format("ABCDEFGHJKLM"));
}
