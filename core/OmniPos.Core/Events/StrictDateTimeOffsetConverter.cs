using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniPos.Core.Events;

/// <summary>
/// Accepts only ISO 8601 instants that state their offset (<c>Z</c> or <c>±hh:mm</c>). The framework's default reading would
/// silently take the server's own offset for a bare local time, which puts a sale on the wrong business day.
/// </summary>
internal sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasExplicitOffset(text)
            || !DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException("must be an ISO 8601 timestamp with an offset, e.g. 2026-11-23T14:05:00+01:00");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^3] == ':' && text[^6] is '+' or '-');
}
