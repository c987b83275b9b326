using OmniPos.Core.Storage;
using static OmniPos.Core.Storage.ColumnType;

namespace OmniPos.Core.Ledger;

/// <summary>The tables an event writes, as the migrations define them, in the column order their rows are built in.</summary>
internal static class LedgerTables
{
    /// <summary>
    /// A plain insert: an event id another process recorded meanwhile fails the whole transaction (a unique violation,
    /// retried as a race), so none of that event's rows, keyed by a seq it will never hold, is written.
    /// </summary>
    public static TableShape Events { get; } = new("events",
        [new("seq", Seq), new("event_id", Text), new("event_type", Text), new("store_id", Text), new("device_id", Text), new("occurred_at_utc", Timestamp),
         new("occurred_offset_minutes", Integer), new("received_at_utc", Timestamp), new("payload_hash", Text), new("payload", Utf8Text)]);

    /// <summary>
    /// The kind of a placeholder row in <c>transactions</c> under the receipt number of a sale that a return named before
    /// the sale arrived. It holds the number, so the sale's insert fails on the unique index while the placeholder stands:
    /// a sale written without reading it (at once, or racing the return in another transaction) is recorded again the
    /// usual way, which removes the placeholder and takes over what the returns refunded.
    /// </summary>
    public const string AwaitedSale = "awaited";

    public static TableShape Transactions { get; } = new("transactions",
        [new("transaction_id", Text), new("seq", Seq), new("kind", Text), new("store_id", Text), new("original_transaction_id", Text),
         new("currency", Text), new("total", Amount)]);

    public static TableShape SaleLines { get; } = new("sale_lines",
        [new("seq", Seq), new("line_no", Integer), new("sku", Text), new("quantity", Integer), new("unit_price", Amount),
         new("discount_total", Amount), new("tax_total", Amount), new("fulfilment", Text), new("location", Text)]);

    public static TableShape Tenders { get; } = new("tenders",
        [new("seq", Seq), new("tender_no", Integer), new("kind", Text), new("amount", Amount), new("paid", Amount),
         new("refunded", Amount), new("captured", Amount), new("token", Text), new("brand", Text), new("last_four", Text),
         new("auth_code", Text), new("reference", Text)]);

    public static TableShape ReturnLines { get; } = new("return_lines",
        [new("seq", Seq), new("line_no", Integer), new("original_transaction_id", Text), new("sku", Text), new("quantity", Integer),
         new("refund_amount", Amount), new("reason", Text), new("restock", Flag), new("location", Text)]);

    public static TableShape Refunds { get; } = new("refunds",
        [new("seq", Seq), new("refund_no", Integer), new("kind", Text), new("amount", Amount),
         new("original_transaction_id", Text), new("original_tender_no", Integer), new("reference", Text)]);

    public static TableShape PaymentAdjustments { get; } = new("payment_adjustments",
        [new("seq", Seq), new("transaction_id", Text), new("tender_no", Integer), new("kind", Text), new("amount", Amount), new("reason", Text)]);

    public static TableShape DeviceEvents { get; } = new("device_events",
        [new("seq", Seq), new("store_id", Text), new("device_id", Text), new("kind", Text), new("employee_id", Text),
         new("transaction_id", Text), new("line_no", Integer), new("amount", Amount), new("reason", Text)]);

    /// <summary>Movements posted as events; those of sales and returns are their lines (the inventory_ledger view adds them in).</summary>
    public static TableShape InventoryMovements { get; } = new("inventory_movements",
        [new("seq", Seq), new("sku", Text), new("location", Text), new("kind", Text),
         new("on_hand_delta", Integer), new("reserved_delta", Integer), new("unit_cost", Amount), new("reason", Text), new("reference", Text)]);

    public static TableShape PriceChanges { get; } = new("price_changes",
        [new("seq", Seq), new("store_id", Text), new("sku", Text), new("unit_price", Amount), new("promotion_id", Text), new("reason", Text)]);

    /// <summary>Adds the deltas to the row of each (sku, location), creating it when missing.</summary>
    public static TableShape Stock { get; } = new("stock",
        [new("sku", Text), new("location", Text), new("on_hand", Integer), new("reserved", Integer)],
        " ON CONFLICT (sku, location) DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand, reserved = stock.reserved + excluded.reserved");
}
