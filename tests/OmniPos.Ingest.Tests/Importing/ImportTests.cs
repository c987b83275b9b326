using System.Net;
using System.Text;
using System.Text.Json;
using OmniPos.Core.Access;
using OmniPos.Core.Importing;
using OmniPos.Core.Sales;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Importing;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Importing;

/// <summary>Each kind of file with a small CSV written here: good rows in, bad rows reported by line, the same file twice adds nothing.</summary>
public abstract class ImportTests(StoreSource stores) : ApiTestBase(stores)
{
    private const string SettlementHeader = "store_id,settlement_date,amount,fee,currency,processor_token,auth_code";
    private const string OrderHeader = "order_id,created_at,store_id,device_id,currency,sku,quantity,unit_price,discount,tax,tax_jurisdiction,tender_kind,card_token,card_brand,card_last_four,auth_code";
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public async Task Settlements_go_in_bad_rows_are_reported_by_line_and_the_same_file_adds_nothing()
    {
        var file = Csv(SettlementHeader,
            $"{Chain.StoreId},2026-11-20,30.00,0.45,USD,tok_a,A1",          // line 2
            $"NOWHERE,2026-11-20,10.00,0.15,USD,tok_b,B1",                   // line 3: unknown store
            $"{Chain.StoreId},2026-11-20,-5.00,0.00,USD,tok_c,C1",          // line 4: negative
            $"{Chain.StoreId},2026-11-20,5.00,0.10,USD,4111 1111 1111 1111,D1", // line 5: a card number
            $"{Chain.StoreId},2026-11-20,12.5,0.2,USD,tok_e,E1");            // line 6

        var report = await ImportAsync("settlements", file);

        Assert.Equal(5, report.Rows);
        Assert.Equal(2, report.Recorded["settlement"]);
        Assert.Equal([(3, ImportRules.UnknownStore), (4, "sign"), (5, "card_number")], report.Refusals.Select(r => (r.Line, r.Rule)));
        Assert.Equal(report.Rows, report.RowsRecorded + report.RowsRefused);
        Assert.DoesNotContain("4111", JsonSerializer.Serialize(report), StringComparison.Ordinal);
        var stored = await Store.Importing.ReadSettlementsAsync(Chain.StoreId, Day, Day, CancellationToken.None);
        Assert.Equal([("tok_a", 30.00m, 0.45m), ("tok_e", 12.50m, 0.20m)], stored.Select(s => (s.ProcessorToken, s.Amount, s.Fee)));

        Assert.True((await ImportAsync("settlements", file)).AlreadyImported);
        var again = await ImportAsync("settlements", file, again: true);
        Assert.Empty(again.Recorded);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(2, (await Store.Importing.ReadSettlementsAsync(Chain.StoreId, Day, Day, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_chargeback_with_the_key_of_a_recorded_one_but_another_amount_is_refused()
    {
        const string header = "store_id,chargeback_date,amount,currency,processor_token,auth_code,reason_code";
        await ImportAsync("chargebacks", Csv(header, $"{Chain.StoreId},2026-11-20,30.00,USD,tok_a,A1,10.4"));

        var report = await ImportAsync("chargebacks", Csv(header, $"{Chain.StoreId},2026-11-20,31.00,USD,tok_a,A1,10.4", $"{Chain.StoreId},2026-11-20,9.00,EUR,tok_b,B1,13.1"));

        Assert.Equal([(2, "idempotency_conflict"), (3, "currency")], report.Refusals.Select(r => (r.Line, r.Rule)));
        var stored = Assert.Single(await Store.Importing.ReadChargebacksAsync(Chain.StoreId, Day, Day, CancellationToken.None));
        Assert.Equal((30.00m, "10.4"), (stored.Amount, stored.ReasonCode));
    }

    [Fact]
    public async Task Orders_become_online_sales_and_a_bad_row_or_an_order_the_core_refuses_stores_nothing_of_it()
    {
        var file = Csv(OrderHeader,
            Order("W-1", "MUG-001", "2", "12.00", tax: "1.92"),        // line 2
            Order("W-1", "TEE-001", "1", "18.50", discount: "1.50"),  // line 3
            Order("W-2", "MUG-001", "two", "12.00"),                  // line 4: not a number
            Order("W-3", "NO-SUCH-SKU", "1", "5.00"));                // line 5: the core refuses the order

        var report = await ImportAsync("orders", file);

        Assert.Equal(1, report.Recorded["sale"]);
        Assert.Equal([(4, "quantity", "malformed"), (5, "body.lines[0].sku", "reference")], report.Refusals.Select(r => (r.Line, r.Field, r.Rule)));
        var sale = (SaleRecorded)(await Store.GetTransactionAsync("W-1", CancellationToken.None))!.Sale.Body;
        Assert.Equal(2 * 12.00m + 1.92m + 18.50m - 1.50m, sale.Tenders.Single().Amount);
        Assert.Null(await Store.GetTransactionAsync("W-3", CancellationToken.None));

        var again = await ImportAsync("orders", file, again: true);
        Assert.Empty(again.Recorded);
        Assert.Equal(1, again.Duplicates);
        Assert.Single(await Store.ReadEventsAsync(0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task An_order_goes_in_whole_or_not_at_all_and_a_row_that_differs_from_its_first_row_is_refused()
    {
        var file = Csv(OrderHeader,
            Order("W-1", "MUG-001", "1", "12.00"),                                                       // line 2
            Order("W-1", "TEE-001", "one", "18.50"),                                                     // line 3: not a number
            Order("W-2", "MUG-001", "1", "12.00"),                                                       // line 4
            Order("W-2", "TEE-001", "1", "18.50").Replace(",USD,", ",EUR,", StringComparison.Ordinal),   // line 5: another currency
            Order("W-3", "MUG-001", "1", "12.00"),                                                       // line 6
            Order("W-3", "TEE-001", "1", "18.50"));                                                      // line 7

        var report = await ImportAsync("orders", file);

        Assert.Equal(
            [(2, "order_id", ImportRules.GroupIncomplete), (3, "quantity", "malformed"), (4, "order_id", ImportRules.GroupIncomplete), (5, "currency", ImportRules.DiffersFromOrder)],
            report.Refusals.Select(r => (r.Line, r.Field, r.Rule)));
        Assert.Contains("line 3", report.Refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains("line 4", report.Refusals[3].Message, StringComparison.Ordinal);
        Assert.Equal((6, 1, 2, 4), (report.Rows, report.Recorded["sale"], report.RowsRecorded, report.RowsRefused));
        Assert.Null(await Store.GetTransactionAsync("W-1", CancellationToken.None));
        Assert.Null(await Store.GetTransactionAsync("W-2", CancellationToken.None));
        Assert.Equal(2, ((SaleRecorded)(await Store.GetTransactionAsync("W-3", CancellationToken.None))!.Sale.Body).Lines.Count);
    }

    [Fact]
    public async Task An_interrupted_import_resumes_after_its_last_checkpoint_and_records_every_order_once()
    {
        var file = Csv(OrderHeader, [.. Enumerable.Range(1, 7).Select(i => Order($"R-{i}", "MUG-001", "1", "12.00"))]);
        using var interrupt = new CancellationTokenSource();
        var settings = new ImportSettings(false, _ => null, UnitsPerCheckpoint: 3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportRunner.RunAsync(Store, "orders", file, settings, _ => interrupt.Cancel(), TimeProvider.System, interrupt.Token));
        var interrupted = await Store.ReadEventsAsync(0, 100, CancellationToken.None);
        Assert.InRange(interrupted.Count, 3, 6);

        var report = (await ImportRunner.RunAsync(Store, "orders", file, settings, null, TimeProvider.System, CancellationToken.None)).Report!;

        Assert.True(report.Finished);
        Assert.Equal(7, report.Recorded["sale"] + report.Duplicates);
        Assert.Equal(7 - interrupted.Count, report.Recorded["sale"] - 3);
        Assert.Equal(7, (await Store.ReadEventsAsync(0, 100, CancellationToken.None)).Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_file_with_the_wrong_header_is_refused_whole()
    {
        var result = await ImportRunner.RunAsync(Store, "settlements", Csv("store,date,amount", $"{Chain.StoreId},2026-11-20,1.00"), false, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal("header", result.Error?.Field);
        Assert.Empty(await Store.Importing.ReadSettlementsAsync(Chain.StoreId, Day, Day, CancellationToken.None));
    }

    [Fact]
    public async Task The_import_route_takes_processor_files_from_finance_keys_and_orders_from_the_storefront_of_their_store()
    {
        var finance = await ClientForAsync(AccessRole.Finance);
        var storefront = await ClientForAsync(AccessRole.Storefront, Chain.StoreId, Chain.WebStoreId);
        var settlements = Encoding.UTF8.GetString(Csv(SettlementHeader, $"{Chain.StoreId},2026-11-20,30.00,0.45,USD,tok_a,A1"));
        var orders = Encoding.UTF8.GetString(Csv(OrderHeader, Order("S-1", "MUG-001", "1", "12.00"), Order("S-2", "MUG-001", "1", "12.00", device: Chain.RegisterId)));

        var recorded = await PostImportAsync(finance, "settlements", settlements);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(1, (await BodyAsync(recorded)).GetProperty("recorded").GetProperty("settlement").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostImportAsync(Client, "settlements", settlements)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostImportAsync(finance, "orders", orders)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostImportAsync(storefront, "uci", orders)).StatusCode);
        var own = await BodyAsync(await PostImportAsync(storefront, "orders", orders));
        Assert.Equal((1, 3, "forbidden"), (own.GetProperty("recorded").GetProperty("sale").GetInt32(),
            own.GetProperty("refusals")[0].GetProperty("line").GetInt32(), own.GetProperty("refusals")[0].GetProperty("rule").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostImportAsync(finance, "payroll", settlements)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostImportAsync(finance, "chargebacks", settlements)).StatusCode);
    }

    private static Task<HttpResponseMessage> PostImportAsync(HttpClient client, string kind, string csv) =>
        client.PostAsync(new Uri($"/v1/imports?kind={kind}", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<ImportReport> ImportAsync(string kind, byte[] file, bool again = false) =>
        (await ImportRunner.RunAsync(Store, kind, file, again, null, TimeProvider.System, CancellationToken.None)).Report!;

    private static string Order(string orderId, string sku, string quantity, string unitPrice, string discount = "", string tax = "", string device = Chain.WebStoreId) =>
        $"{orderId},2026-11-20T10:15:00-05:00,{Chain.StoreId},{device},USD,{sku},{quantity},{unitPrice},{discount},{tax},{(tax.Length > 0 ? "US-NY" : "")},card_not_present,tok_{orderId},visa,4242,AUTH{orderId}";

    private static byte[] Csv(string header, params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. rows]) + "\r\n");
}
