namespace OmniPos.Core.Importing;

/// <summary>A card payment the cardholder disputed and the processor took back, with the network's reason code.</summary>
public sealed record Chargeback(string StoreId, DateOnly Date, string ProcessorToken, string AuthCode, decimal Amount, string Currency, string ReasonCode)
    : ProcessorRecord(StoreId, Date, ProcessorToken, AuthCode, Amount, Currency);
