namespace OmniPos.Core.Access;

/// <summary>Roles as people type them: <c>register</c>, <c>storefront</c>, <c>merchandiser</c>, <c>finance</c>, <c>store-manager</c>, <c>admin</c>.</summary>
public static class AccessRoleNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<AccessRole>().Select(Of)];

    public static string Of(AccessRole role) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(role.ToString());

    public static AccessRole Parse(string text) =>
        Enum.GetValues<AccessRole>().Where(role => string.Equals(Of(role), text, StringComparison.OrdinalIgnoreCase)).Cast<AccessRole?>().FirstOrDefault()
            ?? throw new ArgumentException($"'{text}' is not a role; the roles are {string.Join(", ", All)}", nameof(text));
}
