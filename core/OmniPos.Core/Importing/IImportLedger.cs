namespace OmniPos.Core.Importing;

/// <summary>
/// What CSV imports keep in the operational store besides events: how far each import run got, and the processor's
/// settlement and chargeback records, which are facts about payments rather than events of a register.
/// </summary>
public interface IImportLedger
{
    /// <summary>The run of that import, or null when the file was never imported.</summary>
    Task<ImportRun?> FindRunAsync(string importId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the run under its id; durable when the task completes.</summary>
    Task SaveRunAsync(ImportRun run, CancellationToken cancellationToken);

    /// <summary>Records the settlements in one transaction, each only when it is new; answers each one's fate, in order.</summary>
    Task<IReadOnlyList<RecordStatus>> AddSettlementsAsync(IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken);

    /// <summary>Records the chargebacks in one transaction, each only when it is new; answers each one's fate, in order.</summary>
    Task<IReadOnlyList<RecordStatus>> AddChargebacksAsync(IReadOnlyList<Chargeback> chargebacks, CancellationToken cancellationToken);

    /// <summary>
    /// Settlements in the order they were recorded, after <paramref name="afterSeq"/> (their <see cref="RecordedEntry{T}.Seq"/>),
    /// at most <paramref name="maxCount"/>. Never returns a record while one with a smaller seq may still commit, so a reader
    /// continuing from the last seq it saw (landing) misses none.
    /// </summary>
    Task<IReadOnlyList<RecordedEntry<Settlement>>> ReadSettlementsAfterAsync(long afterSeq, int maxCount, CancellationToken cancellationToken);

    /// <summary>Chargebacks in the order they were recorded, as <see cref="ReadSettlementsAfterAsync"/> reads settlements.</summary>
    Task<IReadOnlyList<RecordedEntry<Chargeback>>> ReadChargebacksAfterAsync(long afterSeq, int maxCount, CancellationToken cancellationToken);

    /// <summary>A store's settlements dated from <paramref name="from"/> through <paramref name="through"/>, by date, token and auth code.</summary>
    Task<IReadOnlyList<Settlement>> ReadSettlementsAsync(string storeId, DateOnly from, DateOnly through, CancellationToken cancellationToken);

    /// <summary>A store's chargebacks dated from <paramref name="from"/> through <paramref name="through"/>, by date, token and auth code.</summary>
    Task<IReadOnlyList<Chargeback>> ReadChargebacksAsync(string storeId, DateOnly from, DateOnly through, CancellationToken cancellationToken);
}
