using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OmniPos.Ingest.Access;

/// <summary>
/// A token bucket per key, so one device's flood (a register replaying its queue in a loop, a script gone wrong) slows
/// only itself. Limited after the key is proven, so nobody can spend another device's budget by naming its key.
/// </summary>
internal sealed class KeyRateLimits(IOptions<IngestOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(keyId =>
        RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.RateLimit.Burst,
            TokensPerPeriod = options.Value.RateLimit.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when the key may make the request now; otherwise how long until it may (at least a second).</summary>
    public TimeSpan? Refuse(string keyId)
    {
        using var lease = _limiter.AttemptAcquire(keyId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.FromSeconds(1) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
