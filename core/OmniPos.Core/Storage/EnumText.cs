using System.Text.Json;

namespace OmniPos.Core.Storage;

/// <summary>Enums are stored as the same snake_case words the JSON uses, so the database reads like the API.</summary>
internal static class EnumText
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string text) where T : struct, Enum => Enum.Parse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
