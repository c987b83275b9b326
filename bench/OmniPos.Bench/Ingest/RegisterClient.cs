using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OmniPos.Bench.Sales;
using OmniPos.Core.Events;

namespace OmniPos.Bench.Ingest;

/// <summary>
/// One simulated register talking to the API as a real one would: its own key, its own sales, one request at a time.
/// Only an accepted answer counts; any other fails the run, quoting what the server said.
/// </summary>
internal sealed class RegisterClient(HttpClient http, string token, SaleFactory sales)
{
    private const int QuotedAnswerLength = 400;
    private static readonly Uri Events = new("/v1/events", UriKind.Relative);
    private static readonly Uri Batches = new("/v1/batches", UriKind.Relative);

    /// <summary>Posts the register's next sale to <c>/v1/events</c>; accepted is <c>201</c>.</summary>
    public async Task<Recorded> PostSaleAsync(CancellationToken cancellationToken)
    {
        var sale = sales.Next();
        var (status, answer, latency) = await PostAsync(Events, JsonSerializer.SerializeToUtf8Bytes(sale, EventJson.Options), cancellationToken);
        return status == HttpStatusCode.Created ? new Recorded(1, latency) : throw NotAccepted($"sale {sale.EventId}", status, answer);
    }

    /// <summary>Posts the register's next <paramref name="size"/> sales to <c>/v1/batches</c>, as an offline queue; accepted is <c>200</c> with every one accepted.</summary>
    public async Task<Recorded> PostBatchAsync(int size, CancellationToken cancellationToken)
    {
        var batch = new BatchBody([.. Enumerable.Range(0, size).Select(_ => sales.Next())]);
        var (status, answer, latency) = await PostAsync(Batches, JsonSerializer.SerializeToUtf8Bytes(batch, EventJson.Options), cancellationToken);
        return status == HttpStatusCode.OK && JsonSerializer.Deserialize<BatchCounts>(answer, JsonSerializerOptions.Web)?.Accepted == size
            ? new Recorded(size, latency)
            : throw NotAccepted($"batch from {batch.Events[0].EventId}", status, answer);
    }

    private async Task<(HttpStatusCode Status, string Answer, TimeSpan Latency)> PostAsync(Uri route, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, answer, Stopwatch.GetElapsedTime(started));
    }

    private static InvalidOperationException NotAccepted(string what, HttpStatusCode status, string answer) =>
        new($"{what} was answered {(int)status} {status}: {(answer.Length > QuotedAnswerLength ? answer[..QuotedAnswerLength] + "…" : answer)}");

    private sealed record BatchBody(IReadOnlyList<PosEvent> Events);

    /// <summary>The part of a batch's answer the register checks.</summary>
    private sealed record BatchCounts(int Accepted);
}
