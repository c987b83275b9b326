using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Access;

namespace OmniPos.Ingest.Events;

/// <summary>
/// A register's offline queue in one post: <c>{"events": [...]}</c>, up to <see cref="MaxEvents"/>, each answered on its
/// own so one bad event does not turn the others away. The events go to the store together (they share its commits) and
/// in an order that records a sale before the returns and payment events of it sent in the same batch, whatever order
/// the register sent them in.
/// </summary>
internal static class BatchHandler
{
    public const int MaxEvents = 1_000;
    public const int MaxBodyBytes = 8 << 20;

    public static async Task<Results<Ok<BatchAnswer>, ProblemHttpResult>> PostBatchAsync(
        HttpRequest request, IOperationalStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(IngestApi.LogCategory);
        if (await RequestText.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            log.TooLarge(MaxBodyBytes, request.HttpContext.Connection.RemoteIpAddress);
            return Problems.TooLarge(MaxBodyBytes);
        }

        if (EventTexts(body) is not { } texts)
        {
            // Not a batch, so no event to answer for: a card number anywhere in it refuses it as a single post would be.
            return CardNumberScreen.Find(body) is { } cardNumber
                ? Problems.Rejected([cardNumber])
                : Problems.Malformed(new ValidationError("events", Rules.Malformed, "the body must be {\"events\": [ ... ]} with at least one event and nothing else"));
        }

        if (texts.Count > MaxEvents)
        {
            return Problems.Malformed(new ValidationError("events", Rules.TooLong, $"a batch holds at most {MaxEvents} events, not {texts.Count}"));
        }

        var intake = new EventIntake(Caller.Of(request.HttpContext), log, request.HttpContext.Connection.RemoteIpAddress);
        var results = new BatchResult[texts.Count];
        var appends = new List<(int Index, PosEvent Event)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var (e, refusal) = intake.Read(texts[i]);
            if (e is null)
            {
                results[i] = Refused(i, refusal!.EventId, refusal.ProblemType, [refusal.Error]);
            }
            else
            {
                appends.Add((i, e));
            }
        }

        // Queued now, in this order, so they are recorded in it; awaited together, so they share the store's commits.
        var pending = appends.OrderBy(a => ChangesARecordedSale(a.Event)).Select(a => (a.Index, a.Event, Outcome: store.AppendAsync(a.Event, cancellationToken))).ToList();
        foreach (var (index, e, outcome) in pending)
        {
            var answered = await outcome;
            intake.Log(e, answered);
            results[index] = Answered(index, e.EventId, answered);
        }

        return TypedResults.Ok(new BatchAnswer(
            results.Count(r => r.Status == "accepted"), results.Count(r => r.Status == "duplicate"), results.Count(r => r.Seq is null), results));
    }

    /// <summary>
    /// The raw text of each element of <c>events</c>, or null when the body is not an object with that one field: every
    /// value of a batch is then inside an event, which <see cref="EventIntake"/> screens before parsing it as an event.
    /// </summary>
    private static List<string>? EventTexts(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Count() == 1
                && root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array && events.GetArrayLength() > 0
                ? [.. events.EnumerateArray().Select(e => e.GetRawText())]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns and payment events name a sale that may be in the same batch; they go after everything else.</summary>
    private static bool ChangesARecordedSale(PosEvent e) => e.Body is Core.Returns.ReturnRecorded or Core.Payments.PaymentCaptured or Core.Payments.PaymentRefunded;

    private static BatchResult Answered(int index, string eventId, AppendOutcome outcome) => outcome.Status switch
    {
        AppendStatus.Accepted => new BatchResult(index, eventId, "accepted", outcome.Seq, null, null),
        AppendStatus.Duplicate => new BatchResult(index, eventId, "duplicate", outcome.Seq, null, null),
        AppendStatus.Conflict => Refused(index, eventId, "idempotency-conflict", outcome.Errors) with { Status = "conflict" },
        _ => Refused(index, eventId, "validation", outcome.Errors),
    };

    private static BatchResult Refused(int index, string? eventId, string type, IReadOnlyList<ValidationError> errors) =>
        new(index, eventId, "rejected", null, Problems.TypeRoot + type, errors);
}
