using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.Marts;

/// <summary>
/// Keeps the marts current: after a landing run, the daily sales rows it touched get what it adds to them, and the daily
/// inventory of every SKU and location it moved is summed again from the first day it moved on. Late data (an offline
/// register's queue, a return of an old sale) thus rebuilds only what it changes; earlier facts are read only to match
/// returns to their sales and settlements to tenders. The weekly sell-through is redone once after landing
/// (<see cref="ApplyPendingWeeks"/>), from the weeks the runs queued, rather than in every run.
/// </summary>
internal static class MartRefresh
{
    private static readonly Lazy<string> EventsSql = new(() => EmbeddedSql.Read("Marts/MartRefresh.sql"));
    private static readonly Lazy<string> SettlementsSql = new(() => EmbeddedSql.Read("Marts/SettlementRefresh.sql"));
    private static readonly Lazy<string> WeeksSql = new(() => EmbeddedSql.Read("Marts/WeeklyRefresh.sql"));

    /// <summary>After a run of events, inside the landing transaction, while the run's stage_* tables still hold its rows.</summary>
    public static void Apply(DuckDbConnection connection) => connection.Execute(EventsSql.Value);

    /// <summary>After a run of processor settlements, likewise.</summary>
    public static void ApplySettlements(DuckDbConnection connection) => connection.Execute(SettlementsSql.Value);

    /// <summary>Redoes the weeks landing queued and empties the queue, in one transaction.</summary>
    /// <returns>The stores and SKUs whose weeks were redone.</returns>
    public static long ApplyPendingWeeks(DuckDbConnection connection) => connection.InTransaction(() =>
    {
        long pending;
        using (var count = connection.Query("SELECT count(*) FROM (SELECT DISTINCT store_id, sku FROM mart_pending_weeks)"))
        {
            pending = count.Read() ? count.GetInt64(0) : 0;
        }

        if (pending > 0)
        {
            connection.Execute(WeeksSql.Value);
        }

        return pending;
    });
}
