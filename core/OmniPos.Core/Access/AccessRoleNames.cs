namespace OmniPos.Core.Access;

/// <summary>Roles as people type them: <c>register</c>, <c>storefront</c>, <c>merchandiser</c>, <c>finance</c>, <c>store-manager</c>, <c>admin</c>.</summary>
public static class AccessRoleNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<AccessRole>().Select(Of)];

    public static string Of(AccessRole role) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(role.ToString());

    public static bool TryParse(string text, out AccessRole role)
    {
        foreach (var candidate in Enum.GetValues<AccessRole>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
