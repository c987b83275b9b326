using OmniPos.Ingest.Webhooks;

namespace OmniPos.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Requests each key may make: a bucket of <see cref="RateLimitOptions.Burst"/> refilled at <see cref="RateLimitOptions.PerSecond"/>.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The largest CSV file <c>POST /v1/imports</c> takes, in bytes (<c>Ingest:Imports:MaxBodyBytes</c>).</summary>
    public ImportOptions Imports { get; set; } = new();

    /// <summary>How webhooks are delivered (<c>Ingest:Webhooks:…</c>).</summary>
    public WebhookOptions Webhooks { get; set; } = new();
}

public sealed class ImportOptions
{
    public int MaxBodyBytes { get; set; } = 64 << 20;
}

public sealed class RateLimitOptions
{
    public int PerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;
}
