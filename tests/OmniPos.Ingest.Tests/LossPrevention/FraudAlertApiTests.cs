using System.Net;
using System.Text;
using System.Text.Json;
using OmniPos.Core.Access;
using OmniPos.Core.LossPrevention;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.LossPrevention;

/// <summary>
/// The loss-prevention queue through the API: a case the scan finds is one alert however often it is found again (the
/// scan's drafts are kept as the fraud-scan job keeps them), highest score first, with its reasons and evidence; an
/// analyst's verdict takes it out of the open queue and freezes it; only loss-prevention and admin keys see it.
/// </summary>
public abstract class FraudAlertApiTests(StoreSource stores) : ApiTestBase(stores)
{
    [Fact]
    public async Task A_case_found_again_stays_one_alert_and_a_verdict_takes_it_out_of_the_open_queue_for_good()
    {
        var analyst = await ClientForAsync(AccessRole.LossPrevention);
        var first = await RaiseAsync(Draft("void_after_tender:41", 0.9));
        await RaiseAsync(Draft("sweethearting:17", 0.6));
        var foundAgain = await RaiseAsync(Draft("void_after_tender:41", 0.95));
        var open = await ListAsync(analyst, "open");
        var alert = await GetAsync(analyst, $"/v1/fraud-alerts/{first.Raised[0].AlertId}");

        using var confirmed = await PostAsync(analyst, $"/v1/fraud-alerts/{first.Raised[0].AlertId}/confirm", """{"note": "seen on camera"}""");
        var afterVerdict = await RaiseAsync(Draft("void_after_tender:41", 0.5));
        using var dismissed = await PostAsync(analyst, $"/v1/fraud-alerts/{open[1].GetProperty("alertId").GetInt64()}/dismiss", "");
        var openAfter = await ListAsync(analyst, "open");
        var confirmedList = await ListAsync(analyst, "confirmed");

        Assert.Equal((0, 1), (foundAgain.Raised.Count, foundAgain.Updated));
        Assert.Equal(["void_after_tender", "sweethearting"], open.Select(a => a.GetProperty("rule").GetString()));
        Assert.Equal(0.95, open[0].GetProperty("score").GetDouble());
        Assert.Equal("a cash sale voided after it was paid", alert.GetProperty("reasons")[0].GetString());
        Assert.Equal([41L, 42L], alert.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (confirmed.StatusCode, dismissed.StatusCode));
        Assert.Equal((0, 0), (afterVerdict.Raised.Count, afterVerdict.Updated));
        Assert.Empty(openAfter);
        var kept = Assert.Single(confirmedList);
        Assert.Equal(("confirmed", "seen on camera", 0.95), (kept.GetProperty("verdict").GetString(), kept.GetProperty("note").GetString(), kept.GetProperty("score").GetDouble()));
        Assert.Single(await Store.LossPrevention.ListReviewedAsync(CancellationToken.None), a => a.Verdict == FraudAlert.Dismissed);
    }

    [Fact]
    public async Task Other_roles_unknown_alerts_bad_states_and_long_notes_are_refused_each_with_its_problem()
    {
        var raised = await RaiseAsync(Draft("void_after_tender:41", 0.9));
        var id = raised.Raised[0].AlertId;
        var analyst = await ClientForAsync(AccessRole.LossPrevention);
        var manager = await ClientForAsync(AccessRole.StoreManager, Chain.StoreId);

        using var byManager = await manager.GetAsync(new Uri("/v1/fraud-alerts", UriKind.Relative));
        using var unknown = await PostAsync(analyst, $"/v1/fraud-alerts/{id + 100}/confirm", "");
        using var badState = await analyst.GetAsync(new Uri("/v1/fraud-alerts?state=pending", UriKind.Relative));
        using var longNote = await PostAsync(analyst, $"/v1/fraud-alerts/{id}/dismiss", JsonSerializer.Serialize(new { note = new string('x', 2_001) }));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity),
            (byManager.StatusCode, unknown.StatusCode, badState.StatusCode, longNote.StatusCode));
        Assert.Contains("state", await badState.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("note", await longNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await Store.LossPrevention.FindAsync(id, CancellationToken.None))!.Verdict);
    }

    private static FraudAlertDraft Draft(string key, double score) => new(key, key.Split(':')[0], Chain.StoreId, "employee", "EMP-01", new DateOnly(2026, 3, 2), score, 2, 0.5, 24.50m,
        [key.StartsWith("void", StringComparison.Ordinal) ? "a cash sale voided after it was paid" : "lines voided"],
        [new FraudEvidence(41, "sale", "T-1", Chain.RegisterId, new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero), 24.50m, null),
         new FraudEvidence(42, "transaction_void", "T-1", Chain.RegisterId, new DateTimeOffset(2026, 3, 2, 14, 2, 0, TimeSpan.Zero), 24.50m, "customer left")]);

    private Task<FraudRaise> RaiseAsync(FraudAlertDraft draft) => Store.LossPrevention.RaiseAsync([draft], CancellationToken.None);

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string state) =>
        [.. (await GetAsync(client, $"/v1/fraud-alerts?state={state}")).EnumerateArray()];

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
