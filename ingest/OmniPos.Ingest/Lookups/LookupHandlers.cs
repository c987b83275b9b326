using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.Lookups;

/// <summary>What storefronts and other stores read back: stock to promise, shelf prices, and a receipt for an exchange elsewhere.</summary>
internal static class LookupHandlers
{
    public static async Task<Results<Ok<StockAnswer>, ProblemHttpResult>> GetStockAsync(
        string? sku, string? location, HttpContext http, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (MissingFrom(("sku", sku), ("location", location)) is { Count: > 0 } missing)
        {
            return Problems.BadQuery(missing);
        }

        if (Caller.Of(http).RefusesToRead(location!, "location") is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }

        var level = await store.GetStockAsync(sku!, location!, cancellationToken);
        return TypedResults.Ok(new StockAnswer(level.Sku, level.Location, level.OnHand, level.Reserved, level.Available));
    }

    public static async Task<Results<Ok<PriceAnswer>, ProblemHttpResult>> GetPriceAsync(
        string? sku, string? store, HttpContext http, IOperationalStore operationalStore, CancellationToken cancellationToken)
    {
        if (MissingFrom(("sku", sku), ("store", store)) is { Count: > 0 } missing)
        {
            return Problems.BadQuery(missing);
        }

        if (Caller.Of(http).RefusesToRead(store!, "store") is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }

        if (await operationalStore.GetShelfPriceAsync(sku!, store!, cancellationToken) is not { } price)
        {
            return Problems.NotFound("sku", $"product '{sku}' or store '{store}' does not exist");
        }

        return TypedResults.Ok(new PriceAnswer(price.Sku, price.StoreId, price.UnitPrice, price.Currency, price.ChangedAtSeq is null ? "list" : "changed",
            price.ChangedAtSeq, price.PromotionId));
    }

    public static async Task<Results<Ok<ReceiptAnswer>, ProblemHttpResult>> GetReceiptAsync(
        string transactionId, HttpContext http, IOperationalStore store, CancellationToken cancellationToken)
    {
        // Another store's receipt is not found for a key that may not read it, so its existence is not given away either.
        if (await store.GetTransactionAsync(transactionId, cancellationToken) is not { } receipt
            || Caller.Of(http).RefusesToRead(receipt.Sale.StoreId, "transactionId") is not null)
        {
            return Problems.NotFound("transactionId", $"no sale has receipt number '{transactionId}'");
        }

        return TypedResults.Ok(new ReceiptAnswer(transactionId, receipt.Seq, Canonical(receipt.Sale), [.. receipt.Returns.Select(Canonical)]));
    }

    /// <summary>An error for each query parameter left out or blank.</summary>
    private static List<ValidationError> MissingFrom(params (string Name, string? Value)[] parameters) =>
        [.. parameters.Where(q => string.IsNullOrWhiteSpace(q.Value)).Select(q => new ValidationError(q.Name, Rules.Required, $"the query needs {q.Name}"))];

    private static JsonElement Canonical(PosEvent e) => JsonSerializer.SerializeToElement(e, EventJson.Options);
}
