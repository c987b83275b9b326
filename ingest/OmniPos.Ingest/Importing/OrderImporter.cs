using System.Text.Json;
using OmniPos.Core.Events;
using OmniPos.Core.Payments;
using OmniPos.Core.Sales;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// A storefront's order export, one row per order line (the layout is in ingest/README.md): each order becomes an online
/// sale under event id <c>order-{order_id}</c>, its receipt number the order id, paid by one tender of the order's total.
/// The order's own fields (time, store, device, currency, tender) are read from its first row, and a later row that
/// differs in them is refused. An order goes in whole or not at all: one refused row refuses its other rows too, since
/// the sale recorded without a line would keep the order's event id for good.
/// </summary>
internal sealed class OrderImporter(Func<PosEvent, ValidationError?> scope) : EventImporter(scope)
{
    private const int OrderId = 0, CreatedAt = 1, StoreId = 2, DeviceId = 3, Currency = 4, Sku = 5, Quantity = 6, UnitPrice = 7, Discount = 8, Tax = 9,
        TaxJurisdiction = 10, TenderKindColumn = 11, CardToken = 12, CardBrand = 13, CardLastFour = 14, AuthCode = 15;

    public override IReadOnlyList<string> Header { get; } =
    [
        "order_id", "created_at", "store_id", "device_id", "currency", "sku", "quantity", "unit_price", "discount", "tax",
        "tax_jurisdiction", "tender_kind", "card_token", "card_brand", "card_last_four", "auth_code",
    ];

    public override ImportPlan<PosEvent> Plan(IEnumerable<CsvRow> rows)
    {
        var firstRows = new Dictionary<string, (int Line, OrderRow Row)>(StringComparer.Ordinal);
        return GroupedRows<OrderRow>.Read(rows, Header, OrderId, (orderId, fields) =>
        {
            var row = ReadRow(fields);
            if (fields.Refusal is null && !firstRows.TryAdd(orderId, (fields.Line, row)))
            {
                CheckAgainst(firstRows[orderId], row, fields);
            }

            return row;
        }).PlanWholeGroups<PosEvent>(Build);
    }

    private static OrderRow ReadRow(RowFields fields) => new(
        fields.Instant(CreatedAt), fields.Text(StoreId), fields.Text(DeviceId), fields.Text(Currency),
        new SaleLine(0, fields.Text(Sku), fields.Integer(Quantity), fields.Decimal(UnitPrice),
            fields.DecimalOrZero(Discount) is > 0 and var discount ? [new Discount(discount, Reason: "storefront")] : null,
            fields.DecimalOrZero(Tax) is > 0 and var tax ? [new LineTax(fields.Text(TaxJurisdiction), tax)] : null,
            Fulfilment.Delivery),
        ReadTender(fields));

    /// <summary>Refuses a row whose order fields differ from those of the order's first row, naming the first column that does.</summary>
    private static void CheckAgainst((int Line, OrderRow Row) first, OrderRow row, RowFields fields)
    {
        int? differing = !first.Row.CreatedAt.EqualsExact(row.CreatedAt) ? CreatedAt
            : first.Row.StoreId != row.StoreId ? StoreId
            : first.Row.DeviceId != row.DeviceId ? DeviceId
            : first.Row.Currency != row.Currency ? Currency
            : first.Row.Tender.Kind != row.Tender.Kind ? TenderKindColumn
            : first.Row.Tender != row.Tender ? CardToken
            : null;
        if (differing is { } column)
        {
            fields.Refuse(column, ImportRules.DiffersFromOrder, $"differs from the order's first row (line {first.Line})");
        }
    }

    private static Tender ReadTender(RowFields fields)
    {
        var kindText = fields.Text(TenderKindColumn);
        TenderKind kind = default;
        try
        {
            kind = JsonSerializer.Deserialize<TenderKind>($"\"{kindText}\"", EventJson.Options);
        }
        catch (JsonException)
        {
            fields.Refuse(TenderKindColumn, Rules.Malformed, $"must be one of {string.Join(", ", Enum.GetValues<TenderKind>().Select(k => JsonSerializer.Serialize(k, EventJson.Options)))}");
        }

        var card = fields.OptionalText(CardToken) is { } token
            ? new CardDetails(token, fields.OptionalText(CardBrand) ?? "", fields.OptionalText(CardLastFour) ?? "", fields.OptionalText(AuthCode))
            : null;
        return new Tender(1, kind, 0m, card);
    }

    private static (PosEvent Item, string Type) Build(string orderId, IReadOnlyList<(int Line, OrderRow Value)> rows)
    {
        var first = rows[0].Value;
        var lines = rows.Select((r, i) => r.Value.Line with { LineNo = i + 1 }).ToList();
        var sale = new SaleRecorded(orderId, first.Currency, lines, [first.Tender with { Amount = lines.Sum(l => l.Total) }]);
        return (new PosEvent($"order-{orderId}", first.StoreId, first.DeviceId, first.CreatedAt, sale), sale.Type);
    }

    private sealed record OrderRow(DateTimeOffset CreatedAt, string StoreId, string DeviceId, string Currency, SaleLine Line, Tender Tender);
}
