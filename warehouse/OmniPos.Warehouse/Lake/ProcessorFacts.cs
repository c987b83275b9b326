using OmniPos.Core.Importing;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>Stages processor records (imported settlement and chargeback files) as facts dated by the processor's date.</summary>
internal static class ProcessorFacts
{
    public static void StageSettlements(DuckDbConnection connection, IReadOnlyList<RecordedEntry<Settlement>> settlements) =>
        Stage(connection, FactTables.Settlements, settlements, (a, s) => a.Append(s.Fee).Append(s.Currency));

    public static void StageChargebacks(DuckDbConnection connection, IReadOnlyList<RecordedEntry<Chargeback>> chargebacks) =>
        Stage(connection, FactTables.Chargebacks, chargebacks, (a, c) => a.Append(c.Currency).Append(c.ReasonCode));

    /// <summary>The columns every processor record has, then those of its kind.</summary>
    private static void Stage<T>(DuckDbConnection connection, string table, IReadOnlyList<RecordedEntry<T>> entries, Action<DuckDbAppender, T> rest)
        where T : ProcessorRecord
    {
        using var appender = connection.CreateAppender(FactTables.Staging(table));
        foreach (var (seq, record) in entries)
        {
            appender.Append(seq).Append(record.StoreId).Append(record.Date).Append(record.ProcessorToken).Append(record.AuthCode).Append(record.Amount);
            rest(appender, record);
            appender.EndRow();
        }

        appender.Complete();
    }
}
