using System.Security.Cryptography;
using System.Text;
using OmniPos.Core.Events;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Events;

public sealed class EventJsonTests
{
    private const string ValidSale = """
        {"eventId":"e-1","storeId":"NY-01","deviceId":"NY-01-REG-1","occurredAt":"2026-11-20T10:15:00-05:00",
         "body":{"type":"sale","transactionId":"T-1","currency":"USD",
                 "lines":[{"lineNo":1,"sku":"SKU-1","quantity":2,"unitPrice":10.00,"taxes":[{"jurisdiction":"US-NY","amount":1.78}]}],
                 "tenders":[{"tenderNo":1,"kind":"cash","amount":25.00}],"changeGiven":3.22}}
        """;

    [Fact]
    public void A_register_sale_parses_with_its_amounts_and_offset()
    {
        var parsed = Parse(ValidSale);

        Assert.Null(parsed.Error);
        var sale = Assert.IsType<SaleRecorded>(parsed.Event!.Body);
        Assert.Equal(21.78m, sale.Total);
        Assert.Equal(TimeSpan.FromHours(-5), parsed.Event.OccurredAt.Offset);
    }

    [Fact]
    public void The_canonical_form_of_an_event_is_stable_across_whitespace_and_property_order()
    {
        var reordered = """
            { "body": { "changeGiven": 3.22, "tenders": [ { "amount": 25.00, "kind": "cash", "tenderNo": 1 } ],
                        "lines": [ { "taxes": [ { "amount": 1.78, "jurisdiction": "US-NY" } ], "unitPrice": 10.00, "quantity": 2, "sku": "SKU-1", "lineNo": 1 } ],
                        "currency": "USD", "transactionId": "T-1", "type": "sale" },
              "occurredAt": "2026-11-20T10:15:00-05:00", "deviceId": "NY-01-REG-1", "storeId": "NY-01", "eventId": "e-1" }
            """;

        var first = EventJson.Serialize(Parse(ValidSale).Event!);
        var second = EventJson.Serialize(Parse(reordered).Event!);

        Assert.Equal(EventJson.Hash(Encoding.UTF8.GetBytes(first)), EventJson.Hash(Encoding.UTF8.GetBytes(second)));
        Assert.Equal(first, EventJson.Serialize(Parse(first).Event!));
        Assert.DoesNotContain("\"total\"", first, StringComparison.Ordinal); // derived amounts are not part of the event
        Assert.Contains("\"occurredAt\":\"2026-11-20T10:15:00-05:00\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-20T10:15:00", "occurredAt")]
    [InlineData("2026-11-20 10:15", "occurredAt")]
    public void A_timestamp_without_offset_is_refused_naming_the_field(string timestamp, string field)
    {
        var parsed = Parse(ValidSale.Replace("2026-11-20T10:15:00-05:00", timestamp, StringComparison.Ordinal));

        Assert.Null(parsed.Event);
        Assert.Equal((field, "malformed"), (parsed.Error!.Field, parsed.Error.Rule));
        Assert.Contains("with an offset", parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_in_utc_is_accepted()
    {
        var parsed = Parse(ValidSale.Replace("2026-11-20T10:15:00-05:00", "2026-11-20T15:15:00Z", StringComparison.Ordinal));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 15, 0, TimeSpan.Zero), parsed.Event!.OccurredAt);
    }

    [Theory]
    [InlineData("\"quantity\":2", "\"quantity\":2,\"colour\":\"red\"", "body.lines[0].colour", "is not a field of this event")]
    [InlineData("\"quantity\":2", "\"quantity\":\"two\"", "body.lines[0].quantity", "wrong type or format")]
    [InlineData("\"kind\":\"cash\"", "\"kind\":\"barter\"", "body.tenders[0].kind", "wrong type or format")]
    [InlineData("\"transactionId\":\"T-1\",", "", "body", "missing required fields: 'transactionId'")]
    [InlineData("\"type\":\"sale\"", "\"type\":\"layaway\"", "body", "")]
    public void A_malformed_event_is_refused_naming_the_field(string find, string replace, string field, string reason)
    {
        var parsed = Parse(ValidSale.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(parsed.Event);
        Assert.Equal("malformed", parsed.Error!.Rule);
        Assert.StartsWith(field, parsed.Error.Field, StringComparison.Ordinal);
        Assert.Contains(reason, parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parse_error_never_repeats_the_offending_value()
    {
        var parsed = Parse(ValidSale.Replace("\"quantity\":2", "\"quantity\":\"4111111111111111\"", StringComparison.Ordinal));

        Assert.Equal("body.lines[0].quantity", parsed.Error!.Field);
        Assert.DoesNotContain("4111", parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_built_in_code_survive_a_round_trip_through_json()
    {
        var e = TestEvents.Event(TestEvents.Return("R-1", "T-1", ("SKU-1", 1, 10.00m)));

        var back = Parse(EventJson.Serialize(e)).Event!;

        Assert.Equal(EventJson.Serialize(e), EventJson.Serialize(back));
        Assert.Equal("return", back.Body.Type);
    }

    [Fact]
    public void A_customer_country_survives_a_round_trip_through_json_on_a_sale_and_a_return()
    {
        var sale = TestEvents.Event(TestEvents.Sale("T-1", ("SKU-1", 1, 10.00m)) with { CustomerCountry = "United Kingdom" });
        var ret = TestEvents.Event(TestEvents.Return("R-1", "T-1", ("SKU-1", 1, 10.00m)) with { CustomerCountry = "Côte d'Ivoire" });

        var saleJson = EventJson.Serialize(sale);
        var returnJson = EventJson.Serialize(ret);

        Assert.Contains("\"customerCountry\":\"United Kingdom\"", saleJson, StringComparison.Ordinal);
        Assert.Contains("\"customerCountry\":\"Côte d'Ivoire\"", returnJson, StringComparison.Ordinal);
        Assert.Equal("United Kingdom", Assert.IsType<SaleRecorded>(Parse(saleJson).Event!.Body).CustomerCountry);
        Assert.Equal("Côte d'Ivoire", Assert.IsType<ReturnRecorded>(Parse(returnJson).Event!.Body).CustomerCountry);
    }

    [Fact]
    public void A_sale_posted_with_a_customer_country_parses_with_it_and_one_posted_without_has_none()
    {
        var withCountry = Parse(ValidSale.Replace("\"changeGiven\":3.22", "\"changeGiven\":3.22,\"customerCountry\":\"France\"", StringComparison.Ordinal));

        Assert.Equal("France", Assert.IsType<SaleRecorded>(withCountry.Event!.Body).CustomerCountry);
        Assert.Null(Assert.IsType<SaleRecorded>(Parse(ValidSale).Event!.Body).CustomerCountry);
    }

    [Theory]
    [InlineData(EventsBeforeCustomerCountry.Sale)]
    [InlineData(EventsBeforeCustomerCountry.Return)]
    public void An_event_without_a_customer_country_serializes_and_hashes_exactly_as_before_it_could_have_one(string logged)
    {
        var parsed = Parse(logged).Event!;

        var canonical = EventJson.SerializeToUtf8(parsed);

        Assert.Equal(logged, Encoding.UTF8.GetString(canonical));
        Assert.DoesNotContain("customerCountry", Encoding.UTF8.GetString(canonical), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(logged))), EventJson.Hash(canonical));
    }

    /// <summary>Events arrive as UTF-8; the tests write them as strings.</summary>
    private static EventParseResult Parse(string json) => EventJson.Parse(Encoding.UTF8.GetBytes(json));
}
