using OmniPos.Core.Storage;
using OmniPos.Warehouse.DuckDb;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.Lake;

/// <summary>
/// Turns a run's events into the rows of its staging tables: the payloads go to DuckDB as the store keeps them (the
/// canonical JSON of <see cref="OmniPos.Core.Events.EventJson"/>), and Lake/EventFacts.sql shreds them there, against the
/// dimensions just refreshed, in bulk and on every core.
/// </summary>
internal static class EventFacts
{
    private const string Payloads = "run_payloads";
    private static readonly Lazy<string> Sql = new(() => EmbeddedSql.Read("Lake/EventFacts.sql"));

    public static void Stage(DuckDbConnection connection, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        connection.Execute($"CREATE OR REPLACE TEMP TABLE {Payloads} (seq BIGINT NOT NULL, payload VARCHAR NOT NULL)", cancellationToken);
        using (var appender = connection.CreateAppender(Payloads))
        {
            foreach (var stored in events)
            {
                appender.Append(stored.Seq).Append(stored.Payload).EndRow();
            }

            appender.Complete();
        }

        connection.Execute(Sql.Value, cancellationToken);
    }
}
