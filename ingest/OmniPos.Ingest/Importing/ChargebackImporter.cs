using OmniPos.Core.Importing;

namespace OmniPos.Ingest.Importing;

/// <summary>A processor's chargeback file: <c>store_id,chargeback_date,amount,currency,processor_token,auth_code,reason_code</c>.</summary>
internal sealed class ChargebackImporter : ProcessorRecordImporter<Chargeback>
{
    private const int StoreId = 0, Date = 1, Amount = 2, Currency = 3, Token = 4, AuthCode = 5, ReasonCode = 6;

    public override IReadOnlyList<string> Header { get; } = ["store_id", "chargeback_date", "amount", "currency", "processor_token", "auth_code", "reason_code"];

    protected override string Type => "chargeback";

    protected override Chargeback Read(RowFields fields)
    {
        var currency = CurrencyCode(fields, Currency);
        return new Chargeback(fields.Text(StoreId), fields.Date(Date), fields.Text(Token), fields.Text(AuthCode),
            Money(fields, Amount, currency), currency, fields.Text(ReasonCode));
    }

    protected override Task<IReadOnlyList<RecordStatus>> AddAsync(IImportLedger ledger, IReadOnlyList<Chargeback> records, CancellationToken cancellationToken) =>
        ledger.AddChargebacksAsync(records, cancellationToken);
}
