using System.Reflection;
using System.Text.Json.Serialization;
using OmniPos.Core.Events;
using OmniPos.Core.LossPrevention;
using OmniPos.Core.Replenishment;

namespace OmniPos.Core.Webhooks;

/// <summary>
/// What a subscription may ask for: every event type of the log (read from <see cref="EventBody"/>'s JSON types, so a new
/// event type is a kind without a change here), and the alerts of later stages (low stock: <see cref="StockReplenishment"/>;
/// fraud: <see cref="FraudAlerts"/>).
/// </summary>
public static class WebhookKinds
{
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(EventBody).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!),
            StockReplenishment.OpenedKind, StockReplenishment.ResolvedKind, FraudAlerts.RaisedKind];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
