using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest;

/// <summary>The routes registers, kiosks and storefronts call.</summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Ingest");
        v1.MapPost("/events", PostEventEndpoint.HandleAsync)
            .WithName("PostEvent")
            .WithSummary("Record one event: a sale, return, payment capture or refund, device event or inventory movement")
            .Accepts<Core.Events.PosEvent>("application/json");
        v1.MapGet("/health", () => TypedResults.Ok(new Health("ok")))
            .WithName("Health")
            .WithSummary("Answers while the server is up");
        return app;
    }

    private sealed record Health(string Status);
}
