namespace OmniPos.Core.Ledger;

internal readonly record struct StockKey(string Sku, string Location);
