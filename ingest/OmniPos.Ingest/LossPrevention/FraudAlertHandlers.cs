using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Events;
using OmniPos.Core.LossPrevention;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.LossPrevention;

/// <summary>
/// The loss-prevention queue: list (highest score first), one alert with its evidence, confirm or dismiss. Alerts are
/// raised by the fraud scan (<c>omnipos fraud scan</c> and its 15-minute job), never through the API; verdicts become
/// the labels the supervised score learns from.
/// </summary>
internal static class FraudAlertHandlers
{
    public const int MaxListed = 500;
    public const int MaxNoteLength = 2_000;
    private const int MaxBodyBytes = 8 * 1024;

    public static async Task<Results<Ok<IReadOnlyList<FraudAlert>>, ProblemHttpResult>> ListAsync(
        string? store, string? state, int? limit, IOperationalStore operationalStore, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<FraudAlertState>(state ?? nameof(FraudAlertState.Open), ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
        {
            return Problems.BadQuery([new ValidationError("state", Rules.Reference, "state is one of open, confirmed, dismissed, all")]);
        }

        if (limit is < 1 or > MaxListed)
        {
            return Problems.BadQuery([new ValidationError("limit", Rules.NotAllowed, $"limit is from 1 to {MaxListed}")]);
        }

        return TypedResults.Ok(await operationalStore.LossPrevention.ListAsync(store, chosen, limit ?? 100, cancellationToken));
    }

    public static async Task<Results<Ok<FraudAlert>, ProblemHttpResult>> GetAsync(long id, IOperationalStore store, CancellationToken cancellationToken) =>
        await store.LossPrevention.FindAsync(id, cancellationToken) is { } alert ? TypedResults.Ok(alert) : NotFound(id);

    public static Task<Results<Ok<FraudAlert>, ProblemHttpResult>> ConfirmAsync(long id, HttpRequest request, IOperationalStore store, CancellationToken cancellationToken) =>
        ReviewAsync(id, FraudAlert.Confirmed, request, store, cancellationToken);

    public static Task<Results<Ok<FraudAlert>, ProblemHttpResult>> DismissAsync(long id, HttpRequest request, IOperationalStore store, CancellationToken cancellationToken) =>
        ReviewAsync(id, FraudAlert.Dismissed, request, store, cancellationToken);

    /// <summary>Records the verdict with the body's optional note (an empty body is no note).</summary>
    private static async Task<Results<Ok<FraudAlert>, ProblemHttpResult>> ReviewAsync(
        long id, string verdict, HttpRequest request, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadBytesAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        string? note = null;
        if (body.Length > 0)
        {
            var (review, error) = EventJson.ParseAs<ReviewRequest>(body, "review");
            if (review is null)
            {
                return Problems.Malformed(error!);
            }

            if (review.Note is { Length: > MaxNoteLength })
            {
                return Problems.Rejected([new ValidationError("note", Rules.NotAllowed, $"a note is at most {MaxNoteLength:N0} characters")]);
            }

            note = review.Note;
        }

        var reviewer = Caller.Of(request.HttpContext).Key.KeyId;
        return await store.LossPrevention.ReviewAsync(id, verdict, reviewer, note, cancellationToken) is { } reviewed ? TypedResults.Ok(reviewed) : NotFound(id);
    }

    private static ProblemHttpResult NotFound(long id) => Problems.NotFound("id", $"no fraud alert has id {id}");
}
