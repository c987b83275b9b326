namespace OmniPos.Core.Validation;

/// <summary>Stable names of the rules an event can break; clients may switch on them.</summary>
public static class Rules
{
    public const string Malformed = "malformed";
    public const string Required = "required";
    public const string TooLong = "too_long";
    public const string TimestampOffset = "timestamp_offset";
    public const string CardNumber = "card_number";
    public const string Sign = "sign";
    public const string Precision = "precision";
    public const string Balance = "balance";
    public const string Currency = "currency";
    public const string DuplicateNumber = "duplicate_number";
    public const string Reference = "reference";
    public const string NotAllowed = "not_allowed";
    public const string ReturnExceedsSold = "return_exceeds_sold";
    public const string RefundExceedsPaid = "refund_exceeds_paid";
    public const string CaptureExceedsTender = "capture_exceeds_tender";
    public const string ReleaseExceedsReserved = "release_exceeds_reserved";
    public const string TransactionExists = "transaction_exists";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string CatalogRule = "catalog_rule";
}
