namespace OmniPos.Ingest.Alerts;

/// <summary>How long to keep an alert out of the inbox: until an instant, or for a number of hours from now.</summary>
internal sealed record SnoozeRequest(DateTimeOffset? Until = null, double? Hours = null);
