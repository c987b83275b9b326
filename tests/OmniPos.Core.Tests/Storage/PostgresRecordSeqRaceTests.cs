using Npgsql;
using OmniPos.Core.Importing;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// The trap record seqs must not fall into where several transactions write at once: an import has numbered a record
/// (max(record_seq) + 1) and is held open; an import from another process must not number its records meanwhile, or it
/// would take the same seq, or commit a larger one that a reader passes before the smaller one commits. (SQLite has one
/// writer: there is no such interleaving to force there.)
/// </summary>
[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresRecordSeqRaceTests(PostgresFixture postgres) : StoreTestBase
{
    /// <summary>A key of the test's own: while the test holds it, inserting a 'slow' record waits with its seq taken.</summary>
    private const long SlowLock = 20_261_120;

    private static readonly CancellationToken None = CancellationToken.None;

    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();

    [Fact]
    public async Task An_import_from_another_process_waits_for_one_still_open_and_numbers_its_records_after_it()
    {
        Settlement[] first = [TestRecords.Settlement("slow_1"), TestRecords.Settlement("tok_a"), TestRecords.Settlement("tok_b")];
        Settlement[] second = [TestRecords.Settlement("tok_c"), first[1], TestRecords.Settlement("tok_d")];
        await using var otherProcess = await Backend.OpenAsync();
        Task<IReadOnlyList<RecordStatus>> held, next;
        await using (await HoldSlowRecordsAsync())
        {
            held = Store.Importing.AddSettlementsAsync(first, None);
            await WaitUntilAsync(() => held.IsCompleted, "locktype = 'advisory'", "the slow record never waited");
            next = otherProcess.Importing.AddSettlementsAsync(second, None);
            await WaitUntilAsync(() => next.IsCompleted, "relation = 'settlements'::regclass", "the second import neither waited nor finished");

            Assert.False(next.IsCompleted, "an import waits while another, still open, can commit smaller seqs");
            Assert.Empty(await Store.Importing.ReadSettlementsAfterAsync(0, 100, None));
        }

        Assert.Equal([RecordStatus.Added, RecordStatus.Added, RecordStatus.Added], await held);
        Assert.Equal([RecordStatus.Added, RecordStatus.Duplicate, RecordStatus.Added], await next);
        var recorded = await Store.Importing.ReadSettlementsAfterAsync(0, 100, None);
        Settlement[] inOrder = [.. first, second[0], second[2]];
        Assert.Equal(inOrder.Select((s, i) => new RecordedEntry<Settlement>(i + 1, s)), recorded);
    }

    /// <summary>Makes inserting a settlement whose token starts 'slow' wait for <see cref="SlowLock"/>, which the test holds until it disposes the answer.</summary>
    private async Task<IAsyncDisposable> HoldSlowRecordsAsync()
    {
        var connection = new NpgsqlConnection(Backend.ConnectionString);
        await connection.OpenAsync();
        await using var setup = new NpgsqlCommand($$"""
            CREATE FUNCTION hold_slow_settlements() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.processor_token LIKE 'slow%' THEN PERFORM pg_advisory_xact_lock({{SlowLock}}); END IF; RETURN NEW; END $$;
            CREATE TRIGGER hold_slow_settlements BEFORE INSERT ON settlements FOR EACH ROW EXECUTE FUNCTION hold_slow_settlements();
            SELECT pg_advisory_lock({{SlowLock}});
            """, connection);
        await setup.ExecuteNonQueryAsync();
        return new SlowRecordGate(connection);
    }

    /// <summary>The test's hold on <see cref="SlowLock"/>; unlocked on dispose (a pooled connection's close would keep it).</summary>
    private sealed class SlowRecordGate(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SlowLock})", connection))
            {
                await release.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }

    /// <summary>Polls until a transaction of this database waits for a lock matching <paramref name="waitingFor"/>, or <paramref name="done"/>.</summary>
    private async Task WaitUntilAsync(Func<bool> done, string waitingFor, string failure)
    {
        await using var connection = new NpgsqlConnection(Backend.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand($"""
            SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE d.datname = current_database() AND NOT l.granted AND l.{waitingFor}
            """, connection);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done() && (long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(10);
        }
    }
}
