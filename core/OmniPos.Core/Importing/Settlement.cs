namespace OmniPos.Core.Importing;

/// <summary>A captured card payment as the processor paid it out: <see cref="ProcessorRecord.Amount"/> gross, less <paramref name="Fee"/>.</summary>
/// <param name="Date">The settlement date the processor states.</param>
public sealed record Settlement(string StoreId, DateOnly Date, string ProcessorToken, string AuthCode, decimal Amount, decimal Fee, string Currency)
    : ProcessorRecord(StoreId, Date, ProcessorToken, AuthCode, Amount, Currency);
