using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Events;

/// <summary>POST /v1/events: one event in, its fate out. The raw body is checked for card numbers before anything parses it.</summary>
internal static class PostEventEndpoint
{
    internal const int MaxBodyBytes = 1 << 20;

    public static async Task<Results<Created<EventAnswer>, Ok<EventAnswer>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, IOperationalStore store, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        if (CardNumberScanner.ContainsCardNumber(body))
        {
            return Problems.Rejected([new ValidationError(CardNumberField(body), Rules.CardNumber,
                "looks like a full card number; send only the processor token, brand, last four digits and auth code")]);
        }

        var parsed = EventJson.Parse(body);
        if (parsed.Event is null)
        {
            return Problems.Malformed(parsed.Error!);
        }

        var outcome = await store.AppendAsync(parsed.Event, cancellationToken);
        return outcome.Status switch
        {
            AppendStatus.Accepted => TypedResults.Created($"/v1/events/{parsed.Event.EventId}", new EventAnswer("accepted", outcome.Seq!.Value)),
            AppendStatus.Duplicate => TypedResults.Ok(new EventAnswer("duplicate", outcome.Seq!.Value)),
            AppendStatus.Conflict => Problems.Conflict(outcome.Errors),
            _ => Problems.Rejected(outcome.Errors),
        };
    }

    /// <summary>The body as text, or null when it is longer than the limit.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string CardNumberField(string body)
    {
        try
        {
            return CardNumberScanner.FindCardNumber(JsonNode.Parse(body)) ?? "$";
        }
        catch (JsonException)
        {
            return "$";
        }
    }
}
