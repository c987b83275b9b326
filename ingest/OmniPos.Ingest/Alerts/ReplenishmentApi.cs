using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmniPos.Core.Access;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.PurchaseOrders;

namespace OmniPos.Ingest.Alerts;

/// <summary>The replenishment routes: the low-stock inbox and the purchase orders that count as on order.</summary>
internal static class ReplenishmentApi
{
    public static void MapReplenishmentApi(this RouteGroupBuilder v1)
    {
        var alerts = v1.MapGroup("/alerts").WithTags("Replenishment");
        AccessRole[] readers = [AccessRole.StoreManager, AccessRole.Merchandiser, AccessRole.Admin];
        var orders = v1.MapGroup("/purchase-orders").WithTags("Replenishment");
        orders.MapPost("", PurchaseOrderHandlers.PlaceAsync)
            .WithName("PlacePurchaseOrder")
            .WithSummary("Record a purchase order: its units count as on order until receipts naming it as their reference bring them; the same order again answers 200")
            .Accepts<PurchaseOrderRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(AccessRole.Merchandiser, AccessRole.Admin);
        orders.MapGet("", PurchaseOrderHandlers.ListAsync)
            .WithName("ListPurchaseOrders")
            .WithSummary("Purchase orders, newest first, with the units received against each: open (the default) or all; a store manager's own store only")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(readers);

        alerts.MapGet("", AlertHandlers.ListAsync)
            .WithName("ListAlerts")
            .WithSummary($"Low-stock alerts, newest first: the inbox (state=open, the default), snoozed, resolved or all; a store manager's own store only; up to {AlertHandlers.MaxListed}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(readers);
        alerts.MapPost("/{id:long}/acknowledge", AlertHandlers.AcknowledgeAsync)
            .WithName("AcknowledgeAlert")
            .WithSummary("Mark a low-stock alert seen; it stays open until stock recovers")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(readers);
        alerts.MapPost("/{id:long}/snooze", AlertHandlers.SnoozeAsync)
            .WithName("SnoozeAlert")
            .WithSummary("Keep a low-stock alert out of the inbox until a time ({\"until\": …} or {\"hours\": …})")
            .Accepts<SnoozeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(readers);
    }
}
