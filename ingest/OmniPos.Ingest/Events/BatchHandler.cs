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
        HttpRequest request, IOperationalStore store, BatchAdmission admission, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(IngestApi.LogCategory);
        var intake = new EventIntake(Caller.Of(request.HttpContext), log, request.HttpContext.Connection.RemoteIpAddress);
        BatchBody? batch;
        List<(int Index, PosEvent Event)> appends = [];
        IReadOnlyList<Task<AppendOutcome>> outcomes = [];
        using (await admission.EnterAsync(cancellationToken))
        {
            batch = await RequestBody.ReadAsync(request, MaxBodyBytes, body => Read(body, intake), cancellationToken);
            if (batch?.Events is { } events)
            {
                // Queued in this order, so they are recorded in it; awaited together, so they share the store's commits.
                appends = [.. events.Select((reading, i) => (Index: i, Event: reading.Event!)).Where(a => a.Event is not null).OrderBy(a => ChangesARecordedSale(a.Event))];
                outcomes = store.QueueAppends([.. appends.Select(a => a.Event)], cancellationToken);
            }
        }

        if (batch is null)
        {
            log.TooLarge(MaxBodyBytes, request.HttpContext.Connection.RemoteIpAddress);
            return Problems.TooLarge(MaxBodyBytes);
        }

        if (batch.Problem is { } problem)
        {
            return problem;
        }

        var results = new BatchResult[batch.Events!.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (batch.Events[i].Refusal is { } refusal)
            {
                results[i] = Refused(i, refusal.EventId, refusal.ProblemType, [refusal.Error]);
            }
        }

        for (var a = 0; a < appends.Count; a++)
        {
            var (index, e) = appends[a];
            var answered = await outcomes[a];
            intake.Log(e, answered);
            results[index] = Answered(index, e.EventId, answered);
        }

        return TypedResults.Ok(new BatchAnswer(
            results.Count(r => r.Status == "accepted"), results.Count(r => r.Status == "duplicate"), results.Count(r => r.Seq is null), results));
    }

    /// <summary>Each event of the body as the intake read it, or the problem with a body that is not a batch.</summary>
    private static BatchBody Read(ReadOnlySpan<byte> body, EventIntake intake)
    {
        if (EventRanges(body) is not { } ranges)
        {
            // Not a batch, so no event to answer for: a card number anywhere in it refuses it as a single post would be.
            return new BatchBody(null, CardNumberScreen.Find(body) is { } cardNumber
                ? Problems.Rejected([cardNumber])
                : Problems.Malformed(new ValidationError("events", Rules.Malformed, "the body must be {\"events\": [ ... ]} with at least one event and nothing else")));
        }

        if (ranges.Count > MaxEvents)
        {
            return new BatchBody(null, Problems.Malformed(new ValidationError("events", Rules.TooLong, $"a batch holds at most {MaxEvents} events, not {ranges.Count}")));
        }

        var readings = new EventReading[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            readings[i] = intake.Read(body[ranges[i]]);
        }

        return new BatchBody(readings, null);
    }

    /// <summary>
    /// Where each element of <c>events</c> lies in the body, or null when the body is not well-formed JSON holding an
    /// object with that one field, a non-empty array: every value of a batch is then inside an event, which
    /// <see cref="EventIntake"/> screens before parsing it as an event. Read from the bytes, so no event is copied.
    /// </summary>
    private static List<Range>? EventRanges(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!(reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("events"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.StartArray))
            {
                return null;
            }

            var ranges = new List<Range>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                ranges.Add(start..(int)reader.BytesConsumed);
            }

            // The object ends after the array, and nothing but white space follows it.
            return ranges.Count > 0 && reader.Read() && reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? ranges : null;
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

    /// <summary>What a batch body held: the events as read (see <see cref="EventIntake"/>), or the problem with it.</summary>
    private sealed record BatchBody(IReadOnlyList<EventReading>? Events, ProblemHttpResult? Problem);
}
