using System.Text.Json;
using System.Text.Json.Nodes;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Events;

internal static class CardNumberScreen
{
    /// <summary>
    /// The error for a body that holds a card number anywhere in its raw UTF-8 text, naming the field that holds it when
    /// the body is JSON (<c>$</c> otherwise), or null when there is none. The number itself is never part of the error.
    /// </summary>
    public static ValidationError? Find(ReadOnlySpan<byte> body) =>
        CardNumberScanner.ContainsCardNumber(body)
            ? new ValidationError(FieldOf(body), Rules.CardNumber,
                "looks like a full card number; send only the processor token, brand, last four digits and auth code")
            : null;

    private static string FieldOf(ReadOnlySpan<byte> body)
    {
        try
        {
            return CardNumberScanner.FindCardNumber(JsonNode.Parse(body)) ?? "$";
        }
        catch (JsonException)
        {
            return "$";
        }
    }
}
