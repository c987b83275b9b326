using OmniPos.Core.LossPrevention;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.LossPrevention;

/// <summary>Runs the exception rules over the landed facts, and reads the events their findings cite.</summary>
internal static class ExceptionScan
{
    public static List<ExceptionFinding> Run(DuckDbConnection connection, ExceptionThresholds thresholds, DateOnly from, DateOnly through,
        CancellationToken cancellationToken)
    {
        var findings = new List<ExceptionFinding>();
        foreach (var rule in ExceptionRules.All)
        {
            using var statement = connection.Prepare(rule.Sql);
            statement.Bind("from", from).Bind("through", through);
            if (statement.ParameterNames.Contains("stores"))
            {
                statement.Bind("stores", null);
            }

            foreach (var (name, value) in rule.Parameters(thresholds))
            {
                statement.Bind(name, value);
            }

            using var reader = statement.Query(cancellationToken);
            findings.AddRange(reader.ReadAll(r => new ExceptionFinding(rule.Name, r.GetString(0), r.GetString(1), r.GetString(2), r.GetDate(3), r.GetDouble(4),
                r.GetDecimal(5), r.GetDecimal(6), r.GetList(7, (vector, index) => vector.GetInt64(index)))));
        }

        return findings;
    }

    /// <summary>The first and latest business days of landed transactions, or null before the first landing.</summary>
    public static (DateOnly From, DateOnly Through)? LandedSpan(DuckDbConnection connection)
    {
        using var reader = connection.Query("SELECT min(business_date), max(business_date) FROM fact_transactions");
        return reader.Read() && !reader.IsNull(0) ? (reader.GetDate(0), reader.GetDate(1)) : null;
    }

    /// <summary>Every subject-day of the grain in the period.</summary>
    public static List<BehaviourDay> Behaviour(DuckDbConnection connection, BehaviourGrain grain, DateOnly from, DateOnly through, CancellationToken cancellationToken)
    {
        using var statement = connection.Prepare(grain.Sql);
        statement.Bind("from", from).Bind("through", through);
        if (statement.ParameterNames.Contains("stores"))
        {
            statement.Bind("stores", null);
        }

        using var reader = statement.Query(cancellationToken);
        return reader.ReadAll(r => new BehaviourDay(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDate(3),
            [.. r.GetList(4, (vector, index) => vector.IsNull(index) ? 0 : vector.GetDouble(index))], r.GetList(5, (vector, index) => vector.GetInt64(index))));
    }

    /// <summary>Of the given log positions, the transactions a card tender of which the processor charged back (matched by token and auth code).</summary>
    public static HashSet<long> ChargedBack(DuckDbConnection connection, IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        using var statement = connection.Prepare("""
            SELECT DISTINCT t.seq FROM fact_tenders t
            JOIN fact_chargebacks c ON c.processor_token = t.card_token AND c.auth_code = t.auth_code
            WHERE t.seq IN (SELECT unnest($seqs))
            """);
        using var reader = statement.Bind("seqs", seqs).Query(cancellationToken);
        return [.. reader.ReadAll(r => r.GetInt64(0))];
    }

    /// <summary>The transactions and device events of the given log positions, in log order.</summary>
    public static List<FraudEvidence> Evidence(DuckDbConnection connection, IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        using var statement = connection.Prepare("""
            WITH wanted AS (SELECT unnest($seqs) AS seq)
            SELECT seq, kind, transaction_id, device_id, occurred_at, total, NULL AS detail FROM fact_transactions WHERE seq IN (SELECT seq FROM wanted)
            UNION ALL
            SELECT seq, kind, transaction_id, device_id, occurred_at, amount, reason FROM fact_device_events WHERE seq IN (SELECT seq FROM wanted)
            ORDER BY seq
            """);
        using var reader = statement.Bind("seqs", seqs).Query(cancellationToken);
        return reader.ReadAll(r => new FraudEvidence(r.GetInt64(0), r.GetString(1), r.GetStringOrNull(2), r.GetString(3),
            new DateTimeOffset(r.GetTimestamp(4), TimeSpan.Zero), r.IsNull(5) ? null : r.GetDecimal(5), r.GetStringOrNull(6)));
    }
}
