using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OmniPos.Core.Validation;

/// <summary>
/// Finds anything that looks like a full card number (PAN): 13–19 digits, optionally grouped by single spaces or dashes,
/// passing the Luhn check, anywhere in a JSON document — in any string or number, not only the card fields,
/// because a PAN typed into a note or a token field is just as much a breach. The run must stand on its own: digits
/// glued to letters are part of an identifier (one hex GUID in a few hundred holds a Luhn-valid run of 13 digits).
/// </summary>
public static partial class CardNumberScanner
{
    /// <summary>The path of the first value holding a card number, or null when there is none.</summary>
    public static string? FindCardNumber(JsonNode? document) => Find(document, "");

    /// <summary>True when the text holds a 13–19 digit run (spaces and dashes allowed between digits) that passes Luhn.</summary>
    public static bool ContainsCardNumber(string text)
    {
        Span<char> digits = stackalloc char[20];
        foreach (Match run in DigitRun().Matches(text))
        {
            var count = 0;
            foreach (var c in run.ValueSpan)
            {
                if (char.IsAsciiDigit(c) && count++ < digits.Length)
                {
                    digits[count - 1] = c;
                }
            }

            if (count is >= 13 and <= 19 && PassesLuhn(digits[..count]))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Find(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.Select(p => Find(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")).FirstOrDefault(f => f is not null),
        JsonArray array => array.Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        JsonValue value => ContainsCardNumber(value.ToJsonString()) ? (path.Length == 0 ? "$" : path) : null,
        _ => null,
    };

    private static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    // A maximal run of digits where single spaces or dashes may separate them, not touching a letter or digit.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9](?:[ \-]?[0-9])*(?![0-9A-Za-z])")]
    private static partial Regex DigitRun();
}
