using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Access;
using OmniPos.Core.Catalog;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Catalog;
using OmniPos.Ingest.Events;
using OmniPos.Ingest.Importing;
using OmniPos.Ingest.Alerts;
using OmniPos.Ingest.LossPrevention;
using OmniPos.Ingest.Lookups;
using OmniPos.Ingest.Webhooks;

namespace OmniPos.Ingest;

/// <summary>The routes registers, kiosks and storefronts call.</summary>
public static class IngestApi
{
    /// <summary>The one log category of what devices post, alone or in batches.</summary>
    internal const string LogCategory = "OmniPos.Ingest";
    private const int MaxBodyBytes = 1 << 20;

    /// <summary>The services the API needs besides the <see cref="IOperationalStore"/>, which the host registers.</summary>
    public static IServiceCollection AddIngestApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi(openApi => openApi.DocumentKeys());
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section)
            .Validate(o => o.RateLimit is { PerSecond: > 0, Burst: > 0 }, "Ingest:RateLimit:PerSecond and Burst must be positive")
            .Validate(o => o.Webhooks.IsValid, "Ingest:Webhooks: the settings must be positive, and MaxRetrySeconds at least FirstRetrySeconds")
            .ValidateOnStart();
        // The OpenAPI schemas describe what the API reads: enums as their snake_case words, numbers as numbers only.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });
        services.AddSingleton<KeyRateLimits>();
        services.AddSingleton<BatchAdmission>();
        return services.AddWebhooks();
    }

    /// <summary>The request pipeline: errors as problem details, the OpenAPI document at /openapi/v1.json, and the routes.</summary>
    public static WebApplication UseIngestApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapIngestApi();
        return app;
    }

    private static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Ingest");

        v1.MapPost("/events", PostEventAsync)
            .WithName("PostEvent")
            .WithSummary("Record one event: a sale, return, payment capture or refund, device event, inventory movement or price change")
            .TakesEvents<PosEvent>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        v1.MapPost("/batches", BatchHandler.PostBatchAsync)
            .WithName("PostBatch")
            .WithSummary($"Record up to {BatchHandler.MaxEvents} events (an offline queue), in any order, each answered on its own")
            .TakesEvents<BatchRequest>();

        v1.MapGet("/stock", LookupHandlers.GetStockAsync)
            .WithName("GetStock")
            .WithSummary("Units of a SKU at a location: on hand, reserved, and available to promise")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(Enum.GetValues<AccessRole>());

        v1.MapGet("/prices", LookupHandlers.GetPriceAsync)
            .WithName("GetPrice")
            .WithSummary("What a SKU sells for at a store: its newest price change there, or the product's list price")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(Enum.GetValues<AccessRole>());

        v1.MapGet("/transactions/{transactionId}", LookupHandlers.GetReceiptAsync)
            .WithName("GetTransaction")
            .WithSummary("A sale by its receipt number, with the returns recorded against it, for an exchange at another store")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(Enum.GetValues<AccessRole>());

        v1.MapPost("/imports", ImportHandler.PostImportAsync)
            .WithName("PostImport")
            .WithTags("Imports")
            .WithSummary($"Import a CSV file (plain or gzip) of a kind ({string.Join(", ", ImportRunner.Kinds)}): each good row in, each bad one reported with its line")
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireKey(ImportHandler.Roles);

        var catalog = v1.MapGroup("").WithTags("Catalog");
        // What devices and people at the tills need to know is read by every key; people's details only by admins.
        var everyone = Enum.GetValues<AccessRole>();
        MapCatalog<Store>(catalog, "/stores/{id}", "store", "storeId", s => s.StoreId, (store, x, ct) => store.SaveStoreAsync(x, ct), everyone);
        MapCatalog<Device>(catalog, "/devices/{id}", "device", "deviceId", d => d.DeviceId, (store, x, ct) => store.SaveDeviceAsync(x, ct), everyone);
        MapCatalog<Product>(catalog, "/products/{id}", "product", "sku", p => p.Sku, (store, x, ct) => store.SaveProductAsync(x, ct), everyone);
        MapCatalog<Promotion>(catalog, "/promotions/{id}", "promotion", "promotionId", p => p.PromotionId, (store, x, ct) => store.SavePromotionAsync(x, ct), everyone);
        MapCatalog<Employee>(catalog, "/employees/{id}", "employee", "employeeId", e => e.EmployeeId, (store, x, ct) => store.SaveEmployeeAsync(x, ct), [AccessRole.Admin]);
        MapCatalog<Customer>(catalog, "/customers/{id}", "customer", "customerId", c => c.CustomerId, (store, x, ct) => store.SaveCustomerAsync(x, ct), [AccessRole.Admin]);

        v1.MapWebhooksApi();

        v1.MapReplenishmentApi();
        v1.MapLossPreventionApi();

        v1.MapGet("/health", GetHealth)
            .WithName("Health")
            .WithSummary("Answers while the server is up");

        return app;
    }

    /// <summary>One event in, its fate out (see <see cref="EventIntake"/> for what it goes through first).</summary>
    internal static async Task<Results<Created<EventAnswer>, Ok<EventAnswer>, ProblemHttpResult>> PostEventAsync(
        HttpRequest request, IOperationalStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(LogCategory);
        var intake = new EventIntake(Caller.Of(request.HttpContext), log, request.HttpContext.Connection.RemoteIpAddress);
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, intake.Read, cancellationToken) is not { } reading)
        {
            log.TooLarge(MaxBodyBytes, request.HttpContext.Connection.RemoteIpAddress);
            return Problems.TooLarge(MaxBodyBytes);
        }

        var (e, refusal) = reading;
        if (e is null)
        {
            return Problems.Refused(refusal!);
        }

        var outcome = await store.AppendAsync(e, cancellationToken);
        intake.Log(e, outcome);
        return outcome.Status switch
        {
            AppendStatus.Accepted => TypedResults.Created((string?)null, new EventAnswer("accepted", outcome.Seq!.Value)),
            AppendStatus.Duplicate => TypedResults.Ok(new EventAnswer("duplicate", outcome.Seq!.Value)),
            AppendStatus.Conflict => Problems.Conflict(outcome.Errors),
            _ => Problems.Rejected(outcome.Errors),
        };
    }

    /// <summary>A route devices post events to, as <typeparamref name="TBody"/>: JSON only, for device and admin keys, with the answers every post can get.</summary>
    private static RouteHandlerBuilder TakesEvents<TBody>(this RouteHandlerBuilder route) where TBody : notnull => route
        .Accepts<TBody>("application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireKey(AccessRole.Register, AccessRole.Storefront, AccessRole.Admin);

    /// <summary>PUT of one kind of catalog entry, for admin keys (see <see cref="CatalogHandlers"/>).</summary>
    /// <summary>A kind of catalog entry under its id: read by the roles given, created or replaced by admins.</summary>
    private static void MapCatalog<T>(RouteGroupBuilder catalog, string pattern, string noun, string idField, Func<T, string> idOf,
        Func<IOperationalStore, T, CancellationToken, Task> save, AccessRole[] readers) where T : class
    {
        catalog.MapGet(pattern, (string id, IOperationalStore store, CancellationToken ct) => CatalogHandlers.GetAsync<T>(store, id, noun, idField, ct))
            .WithName($"Get{typeof(T).Name}")
            .WithSummary($"A {noun} by its id")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(readers);
        catalog.MapPut(pattern, (string id, HttpRequest request, IOperationalStore store, CancellationToken ct) =>
                CatalogHandlers.PutAsync(request, id, noun, idField, idOf, (entry, c) => save(store, entry, c), ct))
            .WithName($"Put{typeof(T).Name}")
            .WithSummary($"Create or replace a {noun}, whole, under its id")
            .Accepts<T>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(AccessRole.Admin);
    }

    internal static Ok<HealthAnswer> GetHealth() => TypedResults.Ok(new HealthAnswer("ok"));
}
