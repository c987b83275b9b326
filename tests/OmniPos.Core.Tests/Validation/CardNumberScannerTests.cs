using System.Text;
using System.Text.Json.Nodes;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Tests.Validation;

public sealed class CardNumberScannerTests
{
    [Theory]
    [InlineData("4111111111111111")] // Visa test number, 16 digits
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("378282246310005")] // Amex, 15 digits
    [InlineData("3782 822463 10005")] // Amex as printed
    [InlineData("6011000990139424")]
    [InlineData("4222222222222")] // 13 digits
    [InlineData("note: card 5555555555554444 declined")]
    [InlineData("tok_4111111111111111")]
    [InlineData("café ☕ 4111 1111 1111 1111 merci")]
    public void A_luhn_valid_run_of_13_to_19_digits_is_a_card_number(string text)
    {
        Assert.True(CardNumberScanner.ContainsCardNumber(text));
        Assert.True(CardNumberScanner.ContainsCardNumber(Encoding.UTF8.GetBytes(text)), "found in the UTF-8 text a request carries");
    }

    [Theory]
    [InlineData("4111111111111112")] // fails Luhn
    [InlineData("411111111111")] // 12 digits
    [InlineData("41111111111111111111")] // 20 digits
    [InlineData("2026-11-20T10:15:00-05:00")]
    [InlineData("tok_visa_abcdef")]
    [InlineData("4242")]
    [InlineData("4111  1111 1111 1111")] // two separators break the run
    [InlineData("evt-3f4111111111111111a9c0e2b7d6")] // digits inside a hex identifier
    [InlineData("tok4111111111111111")]
    [InlineData("DEMO-20261123-011136")] // a receipt number that happens to pass Luhn
    [InlineData("41111111-11111111")]
    [InlineData("reçu n° 2026-11-20 ☕ 4242")]
    public void Other_text_is_not_a_card_number(string text)
    {
        Assert.False(CardNumberScanner.ContainsCardNumber(text));
        Assert.False(CardNumberScanner.ContainsCardNumber(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void The_scanner_names_the_field_holding_the_number_in_strings_and_numbers()
    {
        Assert.Equal("body.tenders[1].reference",
            CardNumberScanner.FindCardNumber(JsonNode.Parse("""{"body":{"tenders":[{"reference":"ok"},{"reference":"4111 1111 1111 1111"}]}}""")));
        Assert.Equal("body.note", CardNumberScanner.FindCardNumber(JsonNode.Parse("""{"body":{"note":4111111111111111}}""")));
        Assert.Null(CardNumberScanner.FindCardNumber(JsonNode.Parse("""{"body":{"amount":4111.11}}""")));
    }
}
