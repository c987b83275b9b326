using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Access;
using OmniPos.Core.Events;
using OmniPos.Core.Replenishment;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.Alerts;

/// <summary>
/// A store's low-stock inbox: list (a store manager sees only its store), acknowledge, snooze. Alerts are raised and
/// resolved by the alerts job (<see cref="StockReplenishment.SweepAsync"/>), never through the API.
/// </summary>
internal static class AlertHandlers
{
    public const int MaxListed = 500;
    private const int MaxBodyBytes = 4 * 1024;
    private static readonly TimeSpan LongestSnooze = TimeSpan.FromDays(30);

    public static async Task<Results<Ok<IReadOnlyList<StockAlert>>, ProblemHttpResult>> ListAsync(
        string? store, string? state, int? limit, HttpContext http, IOperationalStore operationalStore, CancellationToken cancellationToken)
    {
        (store, var refusal) = Caller.Of(http).ListingScope(store);
        if (refusal is not null)
        {
            return Problems.Forbidden(refusal);
        }

        if (!Enum.TryParse<AlertInbox>(state ?? nameof(AlertInbox.Open), ignoreCase: true, out var inbox) || !Enum.IsDefined(inbox))
        {
            return Problems.BadQuery([new ValidationError("state", Rules.Reference, "state is one of open, snoozed, resolved, all")]);
        }

        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadQuery([new ValidationError("limit", Rules.NotAllowed, $"limit is from 1 to {MaxListed}")]);
        }

        return TypedResults.Ok(await operationalStore.Replenishment.ListAlertsAsync(store, inbox, limit ?? 100, cancellationToken));
    }

    public static async Task<Results<Ok<StockAlert>, ProblemHttpResult>> AcknowledgeAsync(
        long id, HttpContext http, IOperationalStore store, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        if (!await MayTouchAsync(id, caller, store, cancellationToken))
        {
            return NotFound(id);
        }

        return TypedResults.Ok((await store.Replenishment.AcknowledgeAsync(id, caller.Key.KeyId, cancellationToken))!);
    }

    public static async Task<Results<Ok<StockAlert>, ProblemHttpResult>> SnoozeAsync(
        long id, HttpRequest request, TimeProvider clock, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (!await MayTouchAsync(id, Caller.Of(request.HttpContext), store, cancellationToken))
        {
            return NotFound(id);
        }

        if (await RequestBody.ReadBytesAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        var (snooze, error) = EventJson.ParseAs<SnoozeRequest>(body, "snooze");
        if (snooze is null)
        {
            return Problems.Malformed(error!);
        }

        var now = clock.GetUtcNow();
        var until = snooze.Until ?? (snooze.Hours is { } hours ? now.AddHours(hours) : null);
        if (until is null || until <= now || until > now + LongestSnooze)
        {
            return Problems.Rejected([new ValidationError("until", Rules.NotAllowed, $"give until (a later instant) or hours, at most {LongestSnooze.TotalDays:N0} days ahead")]);
        }

        return TypedResults.Ok((await store.Replenishment.SnoozeAsync(id, until.Value, cancellationToken))!);
    }

    /// <summary>Whether the alert exists and is the caller's to read: another store's alert is not found, so its existence is not given away.</summary>
    private static async Task<bool> MayTouchAsync(long id, Caller caller, IOperationalStore store, CancellationToken cancellationToken) =>
        await store.Replenishment.FindAlertAsync(id, cancellationToken) is { } alert && caller.RefusesToRead(alert.StoreId, "id") is null;

    private static ProblemHttpResult NotFound(long id) => Problems.NotFound("id", $"no low-stock alert has id {id}");
}
