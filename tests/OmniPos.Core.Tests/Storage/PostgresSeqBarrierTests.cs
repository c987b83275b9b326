using System.Text.Json;
using Npgsql;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>
/// The high-water-mark trap, forced: an append takes a seq and is held open, a later append from another process
/// sharing the database commits a larger seq first. (Within one process appends commit in seq order: one writer.) A
/// reader must not be handed the larger seq until the smaller one is settled, or it would move past it for good; nor
/// must the webhook relay, which reads the log the same way.
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
        await using var outOfOrder = await OutOfOrderCommitsAsync();

        var read = Store.ReadEventsAsync(outOfOrder.Before, 100, CancellationToken.None);
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.False(read.IsCompleted, "the reader waits while a smaller seq can still commit");
        var (slowSeq, fastSeq) = await outOfOrder.ReleaseAsync();

        Assert.True(slowSeq < fastSeq);
        Assert.Equal([slowSeq, fastSeq], (await read).Select(e => e.Seq));
    }

    [Fact]
    public async Task The_webhook_relay_never_passes_a_seq_that_an_open_append_can_still_commit()
    {
        await Store.Webhooks.AddAsync("http://127.0.0.1:9/hook", [EventTypes.Sale], null, CancellationToken.None);
        await using var outOfOrder = await OutOfOrderCommitsAsync();

        var relay = Store.Webhooks.RelayEventsAsync(CancellationToken.None);
        await Task.WhenAny(relay, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.False(relay.IsCompleted, "the relay waits while a smaller seq can still commit");
        var (slowSeq, fastSeq) = await outOfOrder.ReleaseAsync();

        Assert.Equal(3, await relay);
        var messages = await Store.Webhooks.Deliveries.ClaimDueAsync(DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        Assert.Equal([outOfOrder.Before, slowSeq, fastSeq], messages.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("seq").GetInt64()).Order());
    }

    /// <summary>
    /// Sale T-0 recorded (at <see cref="OutOfOrder.Before"/>), then a sale whose append holds the next seq open and a
    /// later one from another process committed with a larger seq; <see cref="OutOfOrder.ReleaseAsync"/> lets the first commit.
    /// </summary>
    private async Task<OutOfOrder> OutOfOrderCommitsAsync()
    {
        var gate = new NpgsqlConnection(Backend.ConnectionString);
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
        return new OutOfOrder(gate, before, slow, fast.Seq!.Value);
    }

    /// <summary>The appends <see cref="OutOfOrderCommitsAsync"/> left: the slow one waits on the test's lock, held by <paramref name="Gate"/>.</summary>
    private sealed record OutOfOrder(NpgsqlConnection Gate, long Before, Task<AppendOutcome> Slow, long FastSeq) : IAsyncDisposable
    {
        /// <summary>Lets the slow append commit; its seq and the fast one's.</summary>
        public async Task<(long Slow, long Fast)> ReleaseAsync()
        {
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SlowLock})", Gate))
            {
                await release.ExecuteNonQueryAsync();
            }

            return ((await Slow).Seq!.Value, FastSeq);
        }

        public ValueTask DisposeAsync() => Gate.DisposeAsync();
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
