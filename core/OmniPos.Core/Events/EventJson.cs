using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Events;

/// <summary>The one JSON form of events: strict on the way in (unknown fields, missing fields and bare local times are errors), canonical on the way out.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses one event; a malformed document yields an error naming the field, never an exception.</summary>
    public static EventParseResult Parse(string json)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<PosEvent>(json, Options);
            return parsed is null
                ? EventParseResult.Failed(new ValidationError("$", Rules.Malformed, "the event is null"))
                : EventParseResult.Parsed(parsed);
        }
        catch (JsonException e)
        {
            // The framework's message can quote the offending value; a value may be a card number, so only the path and rule go out.
            return EventParseResult.Failed(new ValidationError(FieldOf(e.Path), Rules.Malformed, DescribeWithoutValue(e)));
        }
    }

    /// <summary>The canonical text stored in the event log: the same event always serializes to the same bytes.</summary>
    public static string Serialize(PosEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>SHA-256 of the canonical text, hex: two posts of one event id are the same event exactly when these match.</summary>
    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StrictDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string DescribeWithoutValue(JsonException e)
    {
        var message = e.Message;
        // Our converters throw bare rule sentences; framework messages are cut before any quoted input.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        var quote = message.IndexOf('\'', StringComparison.Ordinal);
        return quote >= 0 ? message[..quote].TrimEnd() + " (value not shown)" : message;
    }
}
