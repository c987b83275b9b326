using OmniPos.Core.Importing;
using OmniPos.Core.Money;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// A processor's file of settlements or chargebacks: each row is one record, kept in the operational store under its
/// natural key (store, date, token, auth code) so the same file twice adds nothing. A row with a negative amount, an
/// amount finer than its currency, or a store that does not exist is refused.
/// </summary>
internal abstract class ProcessorRecordImporter<T> : Importer<T> where T : ProcessorRecord
{
    /// <summary>What a record is, in the report: <c>settlement</c> or <c>chargeback</c>.</summary>
    protected abstract string Type { get; }

    /// <summary>The record a row holds (its refusals go to <paramref name="fields"/>).</summary>
    protected abstract T Read(RowFields fields);

    protected abstract Task<IReadOnlyList<RecordStatus>> AddAsync(IImportLedger ledger, IReadOnlyList<T> records, CancellationToken cancellationToken);

    public override ImportPlan<T> Plan(IEnumerable<CsvRow> rows)
    {
        var units = new List<ImportUnit<T>>();
        var refusals = new List<RowRefusal>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var fields = new RowFields(row, Header);
            var record = Read(fields);
            if (fields.Refusal is { } refusal)
            {
                refusals.Add(refusal);
            }
            else
            {
                units.Add(new ImportUnit<T>(record, Type, [row.Line]));
            }
        }

        return new ImportPlan<T>(count, count, units, refusals);
    }

    public override async Task<IReadOnlyList<UnitOutcome>> RecordAsync(IOperationalStore store, IReadOnlyList<T> units, CancellationToken cancellationToken) =>
        [.. (await AddAsync(store.Importing, units, cancellationToken)).Select((status, i) => status switch
        {
            RecordStatus.Added => UnitOutcome.Accepted,
            RecordStatus.Duplicate => UnitOutcome.Duplicate,
            RecordStatus.Conflict => UnitOutcome.Refused(new ValidationError(Header[0], Rules.IdempotencyConflict,
                $"a {Type} of this store, date, token and auth code was already recorded with other values")),
            RecordStatus.UnknownStore => UnitOutcome.Refused(new ValidationError(Header[0], ImportRules.UnknownStore, $"store '{units[i].StoreId}' does not exist")),
            _ => UnitOutcome.Refused(new ValidationError("currency", Rules.Currency, $"is not the currency of store '{units[i].StoreId}'")),
        })];

    /// <summary>An amount that must not be negative and must fit the currency; refused on the row otherwise.</summary>
    protected static decimal Money(RowFields fields, int column, string currency)
    {
        var amount = fields.Decimal(column);
        if (amount < 0)
        {
            fields.Refuse(column, Rules.Sign, $"must not be negative (was {amount})");
        }
        else if (Currency.IsWellFormed(currency) && !Currency.IsExact(amount, currency))
        {
            fields.Refuse(column, Rules.Precision, $"{amount} has more than the {Currency.MinorUnits(currency)} decimals {currency} allows");
        }

        return amount;
    }

    protected static string CurrencyCode(RowFields fields, int column)
    {
        var code = fields.Text(column);
        if (!Currency.IsWellFormed(code))
        {
            fields.Refuse(column, Rules.Currency, "must be an ISO 4217 code such as USD or EUR");
        }

        return code;
    }
}
