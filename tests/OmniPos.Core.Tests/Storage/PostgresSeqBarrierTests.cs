using Npgsql;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// The high-water-mark trap, forced: an append takes a seq and is held open, a later append from another process
/// sharing the database commits a larger seq first. (Within one process appends commit in seq order: one writer.) A
/// reader must not be handed the larger seq until the smaller one is settled, or it would move past it for good.
/// </summary>
[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresSeqBarrierTests(PostgresFixture postgres) : StoreTestBase
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();

    /// <summary>A key of the test's own: while the test holds it, a 'slow-' event's insert waits with its seq taken.</summary>
    private const long SlowLock = 20_261_123;

    [Fact]
    public async Task A_reader_never_passes_a_seq_that_an_open_append_can_still_commit()
    {
        await using var gate = new NpgsqlConnection(Backend.ConnectionString);
        await gate.OpenAsync();
        await using (var setup = new NpgsqlCommand($$"""
            CREATE FUNCTION hold_slow_events() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.event_id LIKE 'slow-%' THEN PERFORM pg_advisory_xact_lock({{SlowLock}}); END IF; RETURN NEW; END $$;
            CREATE TRIGGER hold_slow_events BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION hold_slow_events();
            SELECT pg_advisory_lock({{SlowLock}});
            """, gate))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using var otherProcess = await Backend.OpenAsync();
        var before = await AppendAcceptedAsync(TestEvents.Sale("T-0", ("SKU-1", 1, 10.00m)));
        var slow = AppendAsync(TestEvents.Sale("T-slow", ("SKU-2", 1, 10.00m)), eventId: TestEvents.NewId("slow"));
        await WaitUntilSeqHandedOutAsync(before + 1);
        var fast = await otherProcess.AppendAsync(TestEvents.Event(TestEvents.Sale("T-fast", ("SKU-3", 1, 10.00m))), CancellationToken.None);
        Assert.Equal(AppendStatus.Accepted, fast.Status);
        Assert.False(slow.IsCompleted, "the slow append is held open by the test's lock");

        var read = Store.ReadEventsAsync(before, 100, CancellationToken.None);
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.False(read.IsCompleted, "the reader waits while a smaller seq can still commit");
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SlowLock})", gate))
        {
            await release.ExecuteNonQueryAsync();
        }

        var slowSeq = (await slow).Seq!.Value;
        Assert.True(slowSeq < fast.Seq);
        Assert.Equal([slowSeq, fast.Seq!.Value], (await read).Select(e => e.Seq));
    }

    private async Task WaitUntilSeqHandedOutAsync(long seq)
    {
        await using var connection = new NpgsqlConnection(Backend.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        await using var command = new NpgsqlCommand("SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('events', 'seq')::regclass), 0)", connection);
        while ((long)(await command.ExecuteScalarAsync())! < seq)
        {
            Assert.True(DateTime.UtcNow < deadline, $"seq {seq} was never handed out");
            await Task.Delay(10);
        }
    }
}
