namespace OmniPos.Core.Importing;

/// <summary>
/// What a card processor reports about one authorized payment, keyed by the store, the day and the payment's token and
/// auth code: the same record imported twice is one record.
/// </summary>
public abstract record ProcessorRecord(string StoreId, DateOnly Date, string ProcessorToken, string AuthCode, decimal Amount, string Currency);
