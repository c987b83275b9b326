using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OmniPos.Core.Events;
using OmniPos.Core.Importing;
using OmniPos.Core.Pricing;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// Posts a simulated day through the ingest API as the chain's devices would: each device's events as batches of up to
/// 1,000 (<c>POST /v1/batches</c>) under its own key, several devices at once and each device's batches in order; price
/// changes under the back-office key; the processor's settlement and chargeback files as CSV imports under the finance key.
/// Anything not accepted stops the run, quoting what the server said.
/// </summary>
public sealed class SimulationPoster(HttpClient http, SimulationKeys keys, int parallelDevices = 2)
{
    public const int BatchSize = 1_000;
    private const int QuotedAnswerLength = 600;
    private static readonly Uri Batches = new("/v1/batches", UriKind.Relative);

    public async Task PostAsync(SimulatedDay day, CancellationToken cancellationToken)
    {
        var streams = day.Events
            .GroupBy(e => e.Body is PriceChanged ? keys.Admin : keys.Devices[e.DeviceId], StringComparer.Ordinal)
            .Select(g => (Token: g.Key, Events: g.ToList()));
        await Parallel.ForEachAsync(streams, new ParallelOptions { MaxDegreeOfParallelism = parallelDevices, CancellationToken = cancellationToken },
            async (stream, ct) =>
            {
                for (var at = 0; at < stream.Events.Count; at += BatchSize)
                {
                    await PostBatchAsync(stream.Token, stream.Events.GetRange(at, Math.Min(BatchSize, stream.Events.Count - at)), ct);
                }
            });

        if (day.Settlements.Count > 0)
        {
            await ImportAsync("settlements", "store_id,settlement_date,amount,fee,currency,processor_token,auth_code",
                day.Settlements.Select(s => $"{s.StoreId},{s.Date:yyyy-MM-dd},{Money(s.Amount)},{Money(s.Fee)},{s.Currency},{s.ProcessorToken},{s.AuthCode}"), cancellationToken);
        }

        if (day.Chargebacks.Count > 0)
        {
            await ImportAsync("chargebacks", "store_id,chargeback_date,amount,currency,processor_token,auth_code,reason_code",
                day.Chargebacks.Select(c => $"{c.StoreId},{c.Date:yyyy-MM-dd},{Money(c.Amount)},{c.Currency},{c.ProcessorToken},{c.AuthCode},{c.ReasonCode}"), cancellationToken);
        }
    }

    private async Task PostBatchAsync(string token, List<PosEvent> events, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Batches)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new BatchBody(events), EventJson.Options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var counts = response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<BatchCounts>(answer, JsonSerializerOptions.Web) : null;
        if (counts is null || counts.Accepted + counts.Duplicates != events.Count)
        {
            var refused = counts?.Results.Where(r => r.Status is not ("accepted" or "duplicate")).Take(3).Select(r => JsonSerializer.Serialize(r, JsonSerializerOptions.Web));
            throw NotAccepted($"the batch of {events.Count} events from {events[0].EventId}", response.StatusCode, refused is null ? answer : string.Join(", ", refused));
        }
    }

    private async Task ImportAsync(string kind, string header, IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(row).Append('\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/imports?kind={kind}", UriKind.Relative))
        {
            Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys.Finance);
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var report = response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<ImportCounts>(answer, JsonSerializerOptions.Web) : null;
        if (report is null || report.RowsRefused != 0)
        {
            throw NotAccepted($"the {kind} file", response.StatusCode, answer);
        }
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static SimulationRefusedException NotAccepted(string what, HttpStatusCode status, string answer) =>
        new($"{what} was answered {(int)status} {status}: {(answer.Length > QuotedAnswerLength ? answer[..QuotedAnswerLength] + "…" : answer)}");

    private sealed record BatchBody(IReadOnlyList<PosEvent> Events);

    /// <summary>The part of a batch's answer the poster checks.</summary>
    private sealed record BatchCounts(int Accepted, int Duplicates, IReadOnlyList<BatchItem> Results);

    private sealed record BatchItem(string EventId, string Status, JsonElement? Errors);

    /// <summary>The part of an import's report the poster checks.</summary>
    private sealed record ImportCounts(int RowsRefused);
}
