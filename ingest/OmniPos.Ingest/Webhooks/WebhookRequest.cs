namespace OmniPos.Ingest.Webhooks;

/// <summary>A subscription as posted: where to post, which kinds, and optionally the secret to sign with (generated when left out).</summary>
internal sealed record WebhookRequest(string Url, IReadOnlyList<string> Kinds, string? Secret = null);
