using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OmniPos.Core.Validation;

/// <summary>
/// Finds anything that looks like a full card number (PAN): 13–19 digits passing the Luhn check, written straight or
/// grouped by spaces or dashes the way cards print them (4-4-4-4, 4-4-4-4-3, 4-6-5), anywhere in a JSON document — in
/// any string or number, not only the card fields, because a PAN typed into a note is just as much a breach.
/// Two kinds of identifier are not card numbers and would otherwise be refused one time in ten by chance: digits glued
/// to letters (hex GUIDs) and digits grouped unlike a card (receipt numbers such as 20261123-011136).
/// </summary>
public static partial class CardNumberScanner
{
    /// <summary>The path of the first value holding a card number, or null when there is none.</summary>
    public static string? FindCardNumber(JsonNode? document) => Find(document, "");

    /// <summary>True when the text holds a 13–19 digit run (spaces and dashes allowed between digits) that passes Luhn.</summary>
    public static bool ContainsCardNumber(string text)
    {
        if (!HasRunOfThirteenDigits(text.AsSpan()))
        {
            return false; // most texts: every event is scanned, and the pattern below costs several times this pass
        }

        foreach (Match run in DigitRun().Matches(text))
        {
            var groups = run.Value.Split([' ', '-']);
            var digits = string.Concat(groups);
            if (digits.Length is >= 13 and <= 19 && IsCardGrouping(groups) && PassesLuhn(digits))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="ContainsCardNumber(string)"/> for UTF-8 text, as it arrives: digits, spaces and dashes are single bytes in
    /// UTF-8, so the first pass runs on the bytes and only text that could hold a card number is decoded.
    /// </summary>
    public static bool ContainsCardNumber(ReadOnlySpan<byte> utf8) => HasRunOfThirteenDigits(utf8) && ContainsCardNumber(Encoding.UTF8.GetString(utf8));

    private static string? Find(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.Select(p => Find(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")).FirstOrDefault(f => f is not null),
        JsonArray array => array.Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        JsonValue value => ContainsCardNumber(value.ToJsonString()) ? (path.Length == 0 ? "$" : path) : null,
        _ => null,
    };

    /// <summary>
    /// Whether some run of digits, where single spaces or dashes may separate them, holds at least 13: a run
    /// <see cref="DigitRun"/> could report as long enough. Runs touching letters count too, so this never hides one.
    /// </summary>
    /// <typeparam name="T">A UTF-16 or UTF-8 code unit: the characters looked for are ASCII, the same in both.</typeparam>
    private static bool HasRunOfThirteenDigits<T>(ReadOnlySpan<T> text) where T : IBinaryInteger<T>
    {
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = int.CreateTruncating(text[i]);
            if (IsDigit(c))
            {
                if (++digits >= 13)
                {
                    return true;
                }
            }
            else if (!(c is ' ' or '-' && i > 0 && IsDigit(int.CreateTruncating(text[i - 1])) && i + 1 < text.Length && IsDigit(int.CreateTruncating(text[i + 1]))))
            {
                digits = 0;
            }
        }

        return false;
    }

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsCardGrouping(string[] groups) =>
        groups.Length == 1
        || (groups[..^1].All(g => g.Length == 4) && groups[^1].Length is >= 1 and <= 4)
        || (groups.Length == 3 && groups[0].Length == 4 && groups[1].Length == 6 && groups[2].Length is 4 or 5);

    private static bool PassesLuhn(string digits)
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
