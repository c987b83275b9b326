using System.Reflection;
using System.Text.Json.Serialization;
using OmniPos.Core.Events;

namespace OmniPos.Core.Webhooks;

/// <summary>
/// What a subscription may ask for: every event type of the log (read from <see cref="EventBody"/>'s JSON types, so a new
/// event type is a kind without a change here); the alerts of later stages add their kinds to <see cref="All"/>.
/// </summary>
public static class WebhookKinds
{
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(EventBody).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
