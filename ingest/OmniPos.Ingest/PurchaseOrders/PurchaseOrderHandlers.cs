using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Replenishment;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.PurchaseOrders;

/// <summary>
/// Purchase orders placed with suppliers, so replenishment counts them as on order until receipts naming them (their
/// <c>reference</c>) bring the units: placed by merchandisers and admins, read by them and by a store's manager.
/// </summary>
internal static class PurchaseOrderHandlers
{
    public const int MaxUnits = 1_000_000;
    private const int MaxBodyBytes = 4 * 1024;

    public static async Task<Results<Created<PurchaseOrder>, Ok<PurchaseOrder>, ProblemHttpResult>> PlaceAsync(
        HttpRequest request, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadBytesAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        var (order, error) = EventJson.ParseAs<PurchaseOrderRequest>(body, "purchase order");
        if (order is null)
        {
            return Problems.Malformed(error!);
        }

        if (await ProblemsOf(order, store, cancellationToken) is [_, ..] problems)
        {
            return Problems.Rejected(problems);
        }

        return await store.Replenishment.PlaceOrderAsync(order.OrderId, order.StoreId, order.Sku, order.Units, cancellationToken) switch
        {
            null => Problems.Conflict([new ValidationError("orderId", Rules.IdempotencyConflict, $"purchase order '{order.OrderId}' was placed with other content")]),
            ({ } placed, IsNew: true) => TypedResults.Created($"/v1/purchase-orders?store={Uri.EscapeDataString(placed.StoreId)}", placed),
            ({ } placed, IsNew: false) => TypedResults.Ok(placed),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<PurchaseOrder>>, ProblemHttpResult>> ListAsync(
        string? store, string? state, HttpContext http, IOperationalStore operationalStore, CancellationToken cancellationToken)
    {
        (store, var refusal) = Caller.Of(http).ListingScope(store);
        if (refusal is not null)
        {
            return Problems.Forbidden(refusal);
        }

        if (state is not (null or "open" or "all"))
        {
            return Problems.BadQuery([new ValidationError("state", Rules.Reference, "state is open (the default: units still to come) or all")]);
        }

        return TypedResults.Ok(await operationalStore.Replenishment.ListOrdersAsync(store, openOnly: state != "all", cancellationToken));
    }

    private static async Task<List<ValidationError>> ProblemsOf(PurchaseOrderRequest order, IOperationalStore store, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationError>();
        foreach (var (field, value) in new[] { ("orderId", order.OrderId), ("storeId", order.StoreId), ("sku", order.Sku) }.Where(f => string.IsNullOrWhiteSpace(f.Item2)))
        {
            problems.Add(new ValidationError(field, Rules.Required, $"the purchase order needs {field}"));
        }

        if (order.Units is < 1 or > MaxUnits)
        {
            problems.Add(new ValidationError("units", Rules.NotAllowed, $"units is from 1 to {MaxUnits:N0}"));
        }

        if (problems.Count == 0 && await store.FindCatalogEntryAsync<Store>(order.StoreId, cancellationToken) is null)
        {
            problems.Add(new ValidationError("storeId", Rules.Reference, $"no store has id '{order.StoreId}'"));
        }

        if (problems.Count == 0 && await store.FindCatalogEntryAsync<Product>(order.Sku, cancellationToken) is null)
        {
            problems.Add(new ValidationError("sku", Rules.Reference, $"no product has sku '{order.Sku}'"));
        }

        return problems;
    }
}
