using OmniPos.Core.Importing;

namespace OmniPos.Ingest.Importing;

/// <summary>A processor's settlement file: <c>store_id,settlement_date,amount,fee,currency,processor_token,auth_code</c>.</summary>
internal sealed class SettlementImporter : ProcessorRecordImporter<Settlement>
{
    private const int StoreId = 0, Date = 1, Amount = 2, Fee = 3, Currency = 4, Token = 5, AuthCode = 6;

    public override IReadOnlyList<string> Header { get; } = ["store_id", "settlement_date", "amount", "fee", "currency", "processor_token", "auth_code"];

    protected override string Type => "settlement";

    protected override Settlement Read(RowFields fields)
    {
        var currency = CurrencyCode(fields, Currency);
        return new Settlement(fields.Text(StoreId), fields.Date(Date), fields.Text(Token), fields.Text(AuthCode),
            Money(fields, Amount, currency), Money(fields, Fee, currency), currency);
    }

    protected override Task<IReadOnlyList<RecordStatus>> AddAsync(IImportLedger ledger, IReadOnlyList<Settlement> records, CancellationToken cancellationToken) =>
        ledger.AddSettlementsAsync(records, cancellationToken);
}
