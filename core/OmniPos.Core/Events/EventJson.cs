using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OmniPos.Core.Validation;

namespace OmniPos.Core.Events;

/// <summary>The one JSON form of events: strict on the way in (unknown fields, missing fields and bare local times are errors), canonical on the way out.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses one event from its UTF-8 text; a malformed document yields an error naming the field, never an exception.</summary>
    public static EventParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        var (parsed, error) = ParseAs<PosEvent>(utf8Json, "event");
        return parsed is null ? EventParseResult.Failed(error!) : EventParseResult.Parsed(parsed);
    }

    /// <summary>
    /// Parses one document of another kind (a catalog entry, say) as strictly as an event: unknown, missing and mistyped
    /// fields are errors naming the field, and no error repeats a value.
    /// </summary>
    /// <param name="noun">What the document is, for the error messages ("store", "product").</param>
    public static (T? Value, ValidationError? Error) ParseAs<T>(ReadOnlySpan<byte> utf8Json, string noun) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, Options) is { } parsed
                ? (parsed, null)
                : (null, new ValidationError("$", Rules.Malformed, $"the {noun} is null"));
        }
        catch (JsonException e)
        {
            // The framework's message can quote the offending value; a value may be a card number, so only the path and rule go out.
            return (null, new ValidationError(FieldOf(e.Path), Rules.Malformed, DescribeWithoutValue(e, noun)));
        }
    }

    /// <summary>The canonical text of an event: the same event always serializes to the same text.</summary>
    public static string Serialize(PosEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>The canonical text as UTF-8, the form the event log stores and hashes.</summary>
    public static byte[] SerializeToUtf8(PosEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, Options);

    /// <summary>SHA-256 of the canonical UTF-8 text, hex: two posts of one event id are the same event exactly when these match.</summary>
    public static string Hash(ReadOnlySpan<byte> canonicalUtf8) => Convert.ToHexStringLower(SHA256.HashData(canonicalUtf8));

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
            // The log is read by our own code, never embedded in HTML, so offsets keep their '+' instead of '\u002B'.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StrictDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>
    /// A sentence for each kind of failure. Framework messages can quote the offending value — perhaps a card number — so
    /// they are never passed on; only the names of missing fields, which come from our own types, are.
    /// </summary>
    private static string DescribeWithoutValue(JsonException e, string noun)
    {
        var message = e.Message;
        if (e.InnerException is null && e.Source == typeof(EventJson).Assembly.GetName().Name)
        {
            return message; // our own converters say what is wrong without repeating the value
        }

        const string missing = "missing required properties including: ";
        var at = message.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0)
        {
            return $"is missing required fields: {message[(at + missing.Length)..].Split(". ")[0].TrimEnd('.')}";
        }

        return message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) ? $"is not a field of this {noun}"
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type or format for this field"
            : "is not well-formed JSON here";
    }
}
