namespace OmniPos.Core.Tests.Support;

/// <summary>
/// Events in the canonical form the log held before sales and returns had a customer country (the form
/// <c>EventJson.Serialize</c> wrote then, checked against that commit): the log keeps them, and their hashes, as they are.
/// </summary>
internal static class EventsBeforeCustomerCountry
{
    /// <summary>A sale naming its customer and cashier, with a promotion's discount and tax, paid by card.</summary>
    public const string Sale =
        """{"eventId":"evt-sale-before-country","storeId":"NY-01","deviceId":"NY-01-REG-1","occurredAt":"2026-11-20T10:15:00-05:00","body":{"type":"sale","transactionId":"T-1","currency":"USD","lines":[{"lineNo":1,"sku":"SKU-1","quantity":2,"unitPrice":10.00,"discounts":[{"amount":1.00,"promotionId":"FALL-10"}],"taxes":[{"jurisdiction":"US-NY","amount":1.69}],"fulfilment":"carry_out"}],"tenders":[{"tenderNo":1,"kind":"card_present","amount":20.69,"card":{"token":"tok_visa_abcdef","brand":"visa","lastFour":"4242","authCode":"A1B2C3"}}],"changeGiven":0,"customerId":"CUST-42","employeeId":"EMP-7"}}""";

    /// <summary>A receipted return of one unit of <see cref="Sale"/>, refunded to its card.</summary>
    public const string Return =
        """{"eventId":"evt-return-before-country","storeId":"NY-01","deviceId":"NY-01-REG-1","occurredAt":"2026-11-20T10:15:00-05:00","body":{"type":"return","transactionId":"R-1","currency":"USD","lines":[{"lineNo":1,"sku":"SKU-1","quantity":1,"refundAmount":10.00,"reason":"changed mind","restock":true}],"refunds":[{"refundNo":1,"kind":"card_present","amount":10.00,"originalTenderNo":1}],"originalTransactionId":"T-1","employeeId":"EMP-7"}}""";
}
