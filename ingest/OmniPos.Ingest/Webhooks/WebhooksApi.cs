using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmniPos.Core.Access;
using OmniPos.Ingest.Access;

namespace OmniPos.Ingest.Webhooks;

/// <summary>Webhooks out: the delivery services (run by the scheduler's webhooks job) and the admin routes.</summary>
internal static class WebhooksApi
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        services.AddSingleton<WebhookDispatcher>();
        return services;
    }

    public static void MapWebhooksApi(this RouteGroupBuilder v1)
    {
        var webhooks = v1.MapGroup("/webhooks").WithTags("Webhooks");

        webhooks.MapPost("", WebhookHandlers.AddAsync)
            .WithName("AddWebhook")
            .WithSummary("Subscribe a URL to kinds of messages, signed with a secret that is answered this once")
            .Accepts<WebhookRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(AccessRole.Admin);

        webhooks.MapGet("", WebhookHandlers.ListAsync)
            .WithName("ListWebhooks")
            .WithSummary("Every webhook subscription, removed ones too, without secrets")
            .RequireKey(AccessRole.Admin);

        webhooks.MapDelete("/{id}", WebhookHandlers.RemoveAsync)
            .WithName("RemoveWebhook")
            .WithSummary("Stop a subscription: no new messages, and its pending deliveries fail")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(AccessRole.Admin);

        webhooks.MapGet("/{id}/deliveries", WebhookHandlers.ListDeliveriesAsync)
            .WithName("ListWebhookDeliveries")
            .WithSummary($"A subscription's latest {WebhookHandlers.DeliveriesShown} deliveries, newest first, each with its attempts")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(AccessRole.Admin);
    }
}
