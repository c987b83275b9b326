using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmniPos.Core.Access;
using OmniPos.Ingest.Access;

namespace OmniPos.Ingest.LossPrevention;

/// <summary>The loss-prevention routes: the fraud alert queue, for loss-prevention and admin keys.</summary>
internal static class LossPreventionApi
{
    public static void MapLossPreventionApi(this RouteGroupBuilder v1)
    {
        var alerts = v1.MapGroup("/fraud-alerts").WithTags("Loss prevention");
        AccessRole[] analysts = [AccessRole.LossPrevention, AccessRole.Admin];
        alerts.MapGet("", FraudAlertHandlers.ListAsync)
            .WithName("ListFraudAlerts")
            .WithSummary($"Fraud alerts: waiting for review highest score first (state=open, the default), confirmed, dismissed or all; ?store=; up to {FraudAlertHandlers.MaxListed}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(analysts);
        alerts.MapGet("/{id:long}", FraudAlertHandlers.GetAsync)
            .WithName("GetFraudAlert")
            .WithSummary("One fraud alert with its score, reasons and evidence (the transactions and events, by log seq)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(analysts);
        alerts.MapPost("/{id:long}/confirm", FraudAlertHandlers.ConfirmAsync)
            .WithName("ConfirmFraudAlert")
            .WithSummary("Confirm a fraud alert as a case ({\"note\": …} optional); a later verdict replaces it")
            .Accepts<ReviewRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(analysts);
        alerts.MapPost("/{id:long}/dismiss", FraudAlertHandlers.DismissAsync)
            .WithName("DismissFraudAlert")
            .WithSummary("Dismiss a fraud alert as no case ({\"note\": …} optional); a later verdict replaces it")
            .Accepts<ReviewRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireKey(analysts);
    }
}
