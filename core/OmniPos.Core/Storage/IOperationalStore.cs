using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Ledger;
using OmniPos.Core.Pricing;
using OmniPos.Core.LossPrevention;
using OmniPos.Core.Replenishment;
using OmniPos.Core.Webhooks;

namespace OmniPos.Core.Storage;

/// <summary>
/// The operational store: the event log every accepted event is appended to exactly once, the rows each event implies
/// (written in the same transaction), the catalog events refer to, and stock per SKU and location.
/// </summary>
public interface IOperationalStore : IAsyncDisposable
{
    /// <summary>
    /// Validates and records one event. Repeating an event id with the same content returns the original seq; with
    /// different content it is a conflict. When the returned task completes with a recorded outcome, the event is durable.
    /// </summary>
    Task<AppendOutcome> AppendAsync(PosEvent e, CancellationToken cancellationToken);

    /// <summary>
    /// Validates events and queues them to be recorded in the order given, returning as soon as they are queued; each
    /// task completes with its event's outcome, as <see cref="AppendAsync"/>'s would. Once queued, an event is recorded
    /// whether or not its caller still waits; a caller that has already given up queues none.
    /// </summary>
    IReadOnlyList<Task<AppendOutcome>> QueueAppends(IReadOnlyList<PosEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Events with seq greater than <paramref name="afterSeq"/>, in seq order, at most <paramref name="maxCount"/>.
    /// Never returns an event while an event with a smaller seq may still commit, so a reader that continues from the
    /// last seq it saw misses nothing.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(long afterSeq, int maxCount, CancellationToken cancellationToken);

    Task<StockLevel> GetStockAsync(string sku, string location, CancellationToken cancellationToken);

    /// <summary>
    /// What the SKU sells for at the store: the newest price change recorded there, else the product's list price; null
    /// when the product or the store does not exist.
    /// </summary>
    Task<ShelfPrice?> GetShelfPriceAsync(string sku, string storeId, CancellationToken cancellationToken);

    /// <summary>The sale with the given receipt number and its returns, or null when there is no such sale.</summary>
    Task<TransactionRecord?> GetTransactionAsync(string transactionId, CancellationToken cancellationToken);

    Task SaveStoreAsync(Store store, CancellationToken cancellationToken);

    Task SaveDeviceAsync(Device device, CancellationToken cancellationToken);

    Task SaveProductAsync(Product product, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the products in one transaction: all of them, or none when one breaks a catalog rule.</summary>
    Task SaveProductsAsync(IReadOnlyCollection<Product> products, CancellationToken cancellationToken);

    Task SavePromotionAsync(Promotion promotion, CancellationToken cancellationToken);

    Task SaveCustomerAsync(Customer customer, CancellationToken cancellationToken);

    Task SaveEmployeeAsync(Employee employee, CancellationToken cancellationToken);

    /// <summary>The catalog entry with the id, or null when there is none.</summary>
    /// <typeparam name="T"><see cref="Store"/>, <see cref="Device"/>, <see cref="Product"/>, <see cref="Promotion"/>, <see cref="Customer"/> or <see cref="Employee"/>.</typeparam>
    Task<T?> FindCatalogEntryAsync<T>(string id, CancellationToken cancellationToken) where T : class;

    /// <summary>Every catalog entry of the kind, by id: what the warehouse's dimensions are made from.</summary>
    /// <typeparam name="T">As for <see cref="FindCatalogEntryAsync{T}"/>.</typeparam>
    Task<IReadOnlyList<T>> ListCatalogAsync<T>(CancellationToken cancellationToken) where T : class;

    /// <summary>
    /// Creates an API key and returns it with its token, which is not kept. Register and storefront keys name their store
    /// and a device of it (in-store, respectively online); a store manager's key names its store; other roles name neither.
    /// </summary>
    /// <exception cref="ArgumentException">The scope does not fit the role, or names a store or device that does not exist.</exception>
    Task<IssuedKey> CreateKeyAsync(AccessRole role, string? storeId, string? deviceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key at once; false when there is no such key.</summary>
    Task<bool> RevokeKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>The key a presented token proves, or null when it is malformed, unknown, wrong or revoked.</summary>
    Task<ApiKey?> AuthenticateAsync(string token, CancellationToken cancellationToken);

    /// <summary>What CSV imports keep besides events: their runs, and processor settlements and chargebacks.</summary>
    IImportLedger Importing { get; }

    /// <summary>Webhook subscriptions and the outbox their messages are delivered from; appends write nothing to it.</summary>
    WebhookOutbox Webhooks { get; }

    /// <summary>Reorder policies and the low-stock alerts raised against the live stock.</summary>
    StockReplenishment Replenishment { get; }

    /// <summary>The loss-prevention queue: fraud alerts the scans raise and the analysts' verdicts on them.</summary>
    FraudAlerts LossPrevention { get; }
}
