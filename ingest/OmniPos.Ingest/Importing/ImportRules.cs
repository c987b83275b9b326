namespace OmniPos.Ingest.Importing;

/// <summary>Rules a row of an import can break besides the core's (<see cref="Core.Validation.Rules"/>), by stable name.</summary>
public static class ImportRules
{
    /// <summary>A UCI stock code that is postage, a fee, a manual adjustment or a voucher, not goods.</summary>
    public const string NotAProduct = "not_a_product";

    /// <summary>A price of zero or less, which no line of a sale or return can have in these files.</summary>
    public const string PriceNotPositive = "price_not_positive";

    /// <summary>A quantity of the wrong sign: a sale sells units, a cancellation takes them back.</summary>
    public const string QuantitySign = "quantity_sign";

    /// <summary>The processor record names a store that does not exist.</summary>
    public const string UnknownStore = "unknown_store";

    /// <summary>A row of an order whose order fields (time, store, device, currency, tender) differ from the order's first row.</summary>
    public const string DiffersFromOrder = "differs_from_order";

    /// <summary>A good row of an order that goes in whole or not at all, left out because another of its rows was refused.</summary>
    public const string GroupIncomplete = "group_incomplete";
}
