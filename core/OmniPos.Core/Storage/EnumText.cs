using System.Collections.Frozen;
using System.Text.Json;

namespace OmniPos.Core.Storage;

/// <summary>Enums are stored as the same snake_case words the JSON uses, so the database reads like the API.</summary>
public static class EnumText
{
    /// <summary>The value's word, made once per value of the enum (the writer asks for several per event).</summary>
    public static string Of<T>(T value) where T : struct, Enum => Words<T>.Of.TryGetValue(value, out var word) ? word : WordOf(value);

    public static T Parse<T>(string text) where T : struct, Enum => Enum.Parse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static string WordOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static class Words<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Of = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, WordOf);
    }
}
