using System.Collections.Concurrent;

namespace OmniPos.Core.Access;

/// <summary>
/// Keys proven lately, by the hash of the token that proved them, so that a busy device's requests do not each read its
/// key and hash its secret again. An entry holds for <see cref="Lifetime"/>. A revocation through this process drops the
/// key at once, and a proof under way while it happened cannot put it back; a revocation by another process (<c>omnipos
/// keys revoke</c>) holds here once the entry expires, within <see cref="Lifetime"/>. Only proven keys are kept, so
/// unknown or wrong tokens cannot grow it beyond one entry per key.
/// </summary>
internal sealed class ProvenKeys(TimeProvider clock)
{
    /// <summary>Short, since it delays revocations made elsewhere; measured under load, one read per key this often costs nothing.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _revocations;

    /// <summary>Revocations so far: a proof reads it before it reads the key, and hands it to <see cref="Remember"/>.</summary>
    public long Revocations => Interlocked.Read(ref _revocations);

    /// <summary>The key the token proved within <see cref="Lifetime"/>, unless revoked since through this process.</summary>
    public ApiKey? Find(string tokenHash)
    {
        if (!_entries.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }

        if (clock.GetElapsedTime(entry.ProvenAt) < Lifetime)
        {
            return entry.Key;
        }

        _entries.TryRemove(KeyValuePair.Create(tokenHash, entry));
        return null;
    }

    /// <param name="revocationsBefore"><see cref="Revocations"/> as it was before the key was read.</param>
    public void Remember(string tokenHash, ApiKey key, long revocationsBefore)
    {
        var entry = new Entry(key, clock.GetTimestamp());
        _entries[tokenHash] = entry;
        // Checked after adding, so a revocation either sees the entry and drops it or is seen here: the key read may predate it.
        if (Revocations != revocationsBefore)
        {
            _entries.TryRemove(KeyValuePair.Create(tokenHash, entry));
        }
    }

    /// <summary>Drops the key; called once its revocation is committed.</summary>
    public void Forget(string keyId)
    {
        Interlocked.Increment(ref _revocations);
        foreach (var entry in _entries.Where(e => e.Value.Key.KeyId == keyId))
        {
            _entries.TryRemove(entry);
        }
    }

    private sealed record Entry(ApiKey Key, long ProvenAt);
}
