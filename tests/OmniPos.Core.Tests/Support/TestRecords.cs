using OmniPos.Core.Importing;

namespace OmniPos.Core.Tests.Support;

/// <summary>Processor records of the test catalog's store, one per token: tests vary the token, the date or one value.</summary>
internal static class TestRecords
{
    public static readonly DateOnly Day = new(2026, 11, 20);

    public static Settlement Settlement(string token, DateOnly? date = null) =>
        new(TestCatalog.StoreId, date ?? Day, token, $"AUTH-{token}", 30.00m, 0.45m, "USD");

    public static Chargeback Chargeback(string token) => new(TestCatalog.StoreId, Day, token, $"AUTH-{token}", 30.00m, "USD", "10.4");
}
