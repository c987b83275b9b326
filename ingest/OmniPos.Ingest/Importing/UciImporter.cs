using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Money;
using OmniPos.Core.Payments;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// The UCI "Online Retail" data set (see ingest/README.md for the mapping): each invoice becomes an online sale of store
/// <see cref="StoreId"/>, each 'C' invoice a return without receipt, each stock code a product. A row that cannot be a
/// line is refused alone and its invoice goes in without it.
/// </summary>
internal sealed class UciImporter(Func<PosEvent, ValidationError?> scope) : EventImporter(scope)
{
    public const string StoreId = "UCI-ONLINE";
    public const string DeviceId = "UCI-WEB";
    private const string Currency = "GBP";
    private const int Invoice = 0, StockCode = 1, Description = 2, Quantity = 3, InvoiceDate = 4, UnitPrice = 5, Country = 7;

    /// <summary>Stock codes of postage (POST, DOT, C2), fees (BANK CHARGES, AMAZONFEE, CRUK), manual entries and adjustments (M, D, S, B) and, by prefix, gift vouchers.</summary>
    private static readonly HashSet<string> NotProducts = new(StringComparer.Ordinal) { "POST", "DOT", "C2", "M", "m", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK" };
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);

    public override IReadOnlyList<string> Header { get; } = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    public override ImportPlan<PosEvent> Plan(IEnumerable<CsvRow> rows) =>
        GroupedRows<UciLine>.Read(rows, Header, Invoice, (invoice, fields) =>
        {
            var line = Read(fields, invoice.StartsWith('C'));
            if (fields.Refusal is null && !_products.ContainsKey(line.StockCode))
            {
                var name = fields.OptionalText(Description) ?? line.StockCode;
                _products[line.StockCode] = new Product(line.StockCode, name, ["UCI Online Retail"], 0m, line.Price);
            }

            return line;
        }).Plan<PosEvent>(Build);

    public override async Task PrepareAsync(IOperationalStore store, ImportPlan<PosEvent> plan, CancellationToken cancellationToken)
    {
        await store.SaveStoreAsync(new Store(StoreId, "UCI Online Retail (data set)", London.Id, Currency, "GB"), cancellationToken);
        await store.SaveDeviceAsync(new Device(DeviceId, StoreId, DeviceKind.Storefront), cancellationToken);
        await store.SaveProductsAsync(_products.Values, cancellationToken);
    }

    private static UciLine Read(RowFields fields, bool cancellation)
    {
        var stockCode = fields.Text(StockCode);
        var quantity = fields.Integer(Quantity);
        var local = fields.LocalTime(InvoiceDate);
        var price = fields.Decimal(UnitPrice);
        if (NotProducts.Contains(stockCode) || stockCode.StartsWith("gift_", StringComparison.Ordinal))
        {
            fields.Refuse(StockCode, ImportRules.NotAProduct, $"'{stockCode}' is postage, a fee, an adjustment or a voucher, not goods");
        }
        else if (price <= 0)
        {
            fields.Refuse(UnitPrice, ImportRules.PriceNotPositive, $"must be greater than zero (was {price})");
        }
        else if (!Core.Money.Currency.IsExact(price, Currency))
        {
            fields.Refuse(UnitPrice, Rules.Precision, $"{price} has more than the {Core.Money.Currency.MinorUnits(Currency)} decimals {Currency} allows");
        }
        else if (quantity > 0 == cancellation)
        {
            fields.Refuse(Quantity, ImportRules.QuantitySign, cancellation
                ? $"a cancellation takes units back, so its quantity is negative (was {quantity})"
                : $"a sale sells units, so its quantity is positive (was {quantity})");
        }
        else if (London.IsInvalidTime(local))
        {
            fields.Refuse(InvoiceDate, Rules.Malformed, "does not exist in Europe/London (the clocks went forward over it)");
        }

        return new UciLine(stockCode, Math.Abs(quantity), price, new DateTimeOffset(local, London.GetUtcOffset(local)), fields.OptionalText(Country));
    }

    /// <summary>An invoice's remaining lines as one event, at the time and in the country of its first row (an invoice's rows can differ by a minute).</summary>
    private static (PosEvent Item, string Type) Build(string invoice, IReadOnlyList<(int Line, UciLine Value)> rows)
    {
        var lines = rows.Select(r => r.Value).ToList();
        var total = lines.Sum(l => l.Quantity * l.Price);
        var id = $"uci-{invoice}";
        EventBody body = invoice.StartsWith('C')
            ? new ReturnRecorded(id, Currency,
                [.. lines.Select((l, i) => new ReturnLine(i + 1, l.StockCode, l.Quantity, l.Quantity * l.Price, "cancelled", Restock: true))],
                [new Refund(1, TenderKind.CardNotPresent, total)], CustomerCountry: lines[0].Country)
            : new SaleRecorded(id, Currency,
                [.. lines.Select((l, i) => new SaleLine(i + 1, l.StockCode, l.Quantity, l.Price, Fulfilment: Fulfilment.Delivery))],
                [new Tender(1, TenderKind.CardNotPresent, total, new CardDetails(id, "unknown", "0000"))], CustomerCountry: lines[0].Country);
        return (new PosEvent(id, StoreId, DeviceId, lines[0].At, body), body.Type);
    }

    /// <param name="Quantity">Units, positive whether sold or taken back.</param>
    private sealed record UciLine(string StockCode, int Quantity, decimal Price, DateTimeOffset At, string? Country);
}
