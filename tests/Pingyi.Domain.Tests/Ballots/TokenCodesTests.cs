using Pingyi.Domain.Ballots;

namespace Pingyi.Domain.Tests.Ballots;

public class TokenCodesTests
{
    [Fact]
    public void A_long_code_is_26_base32_characters_carrying_at_least_128_bits()
    {
        var code = TokenCodes.NewLongCode();
        Assert.Equal(26, code.Length);
        Assert.All(code, c => Assert.Contains(c, "abcdefghijklmnopqrstuvwxyz234567"));
        Assert.True(26 * 5 >= 128);
        Assert.Equal(code, TokenCodes.NormalizeLong(" " + code.ToUpperInvariant() + " "));
    }

    [Fact]
    public void Long_codes_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TokenCodes.NewLongCode()).ToHashSet();
        Assert.Equal(10_000, codes.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcdefghijklmnopqrstuvwxy1")]
    [InlineData("abcdefghijklmnopqrstuvwxyz2")]
    [InlineData("<script>alert(1)</script>xx")]
    public void A_malformed_long_code_normalises_to_null(string? input)
    {
        Assert.Null(TokenCodes.NormalizeLong(input));
    }

    [Fact]
    public void A_short_code_is_ten_characters_and_a_check_character_without_confusable_letters()
    {
        var code = TokenCodes.NewShortCode();
        Assert.Equal(11, code.Length);
        Assert.DoesNotContain(code, c => c is '0' or 'O' or '1' or 'I');
        Assert.Equal(code, TokenCodes.NormalizeShort(code));
    }

    [Fact]
    public void A_short_code_is_accepted_as_printed_in_lower_case_and_with_spaces()
    {
        var code = TokenCodes.NewShortCode();
        var printed = TokenCodes.FormatShort(code);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{3}$", printed);
        Assert.Equal(code, TokenCodes.NormalizeShort(printed));
        Assert.Equal(code, TokenCodes.NormalizeShort(printed.ToLowerInvariant().Replace('-', ' ')));
        Assert.Equal(code, TokenCodes.NormalizeShort(printed.Replace('-', '\u3000')));
    }

    [Fact]
    public void Every_single_wrong_character_is_caught_by_the_check_character()
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        for (var n = 0; n < 50; n++)
        {
            var code = TokenCodes.NewShortCode();
            for (var i = 0; i < code.Length; i++)
            {
                foreach (var c in alphabet.Where(c => c != code[i]))
                {
                    var typo = code[..i] + c + code[(i + 1)..];
                    Assert.Null(TokenCodes.NormalizeShort(typo));
                }
            }
        }
    }

    [Fact]
    public void Swapping_two_different_neighbours_is_almost_always_caught()
    {
        // Luhn mod N misses a swap only for the one pair of values whose doubled digit sums coincide,
        // so nearly every swap of different neighbours is refused.
        var swaps = 0;
        var caught = 0;
        for (var n = 0; n < 500; n++)
        {
            var code = TokenCodes.NewShortCode();
            for (var i = 0; i + 1 < code.Length; i++)
            {
                if (code[i] == code[i + 1])
                {
                    continue;
                }
                swaps++;
                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                caught += TokenCodes.NormalizeShort(swapped) is null ? 1 : 0;
            }
        }
        Assert.True(caught >= swaps * 0.99, $"{caught} of {swaps} swaps caught");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("ABCD-EFGH-JKLM")]
    [InlineData("0BCD-EFGH-JKL")]
    [InlineData("' OR 1=1 --")]
    public void A_malformed_short_code_normalises_to_null(string? input)
    {
        Assert.Null(TokenCodes.NormalizeShort(input));
    }

    [Fact]
    public void An_overlong_input_is_refused_before_any_work()
    {
        Assert.Null(TokenCodes.NormalizeShort(new string(' ', 10_000) + TokenCodes.NewShortCode()));
    }

    [Fact]
    public void The_check_character_matches_a_hand_computed_value()
    {
        // Body "2222222222": every index is 0, so the sum is 0 and the check index (32 - 0) % 32 = 0, the character '2'.
        Assert.Equal('2', TokenCodes.CheckCharacter("2222222222"));
        // Body "3": index 1, doubled (rightmost position) = 2, sum 2, check index 30 = 'Y'.
        Assert.Equal('Y', TokenCodes.CheckCharacter("3"));
    }

    [Fact]
    public void The_hash_is_keyed_lowercase_hex_and_stable()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var other = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var hash = TokenCodes.Hash(key, "abc");
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, TokenCodes.Hash(key, "abc"));
        Assert.NotEqual(hash, TokenCodes.Hash(other, "abc"));
        Assert.NotEqual(hash, TokenCodes.Hash(key, "abd"));
    }

    [Fact]
    public void A_receipt_is_twelve_unambiguous_characters()
    {
        var receipt = TokenCodes.NewReceipt();
        Assert.Matches("^[2-9A-HJ-NP-Z]{12}$", receipt);
    }
}
