using System.Text;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>Gives each test a fresh database of the enrolled engine, opened and seeded with <see cref="TestCatalog"/>.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private StoreBackend? _backend;
    private IOperationalStore? _store;

    protected StoreBackend Backend => _backend ?? throw new InvalidOperationException("not initialized");

    protected IOperationalStore Store => _store ?? throw new InvalidOperationException("not initialized");

    protected abstract Task<StoreBackend> CreateBackendAsync();

    public async Task InitializeAsync()
    {
        _backend = await CreateBackendAsync();
        _store = await _backend.OpenAsync();
        await TestCatalog.SeedAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await CloseStoreAsync();
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

    /// <summary>Closes the store, as a process exit would; tests that reopen it call this first.</summary>
    protected async Task CloseStoreAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    protected async Task<IReadOnlyList<StoredEvent>> AllEventsAsync()
    {
        var all = new List<StoredEvent>();
        for (IReadOnlyList<StoredEvent> page; (page = await Store.ReadEventsAsync(all.Count == 0 ? 0 : all[^1].Seq, 500, CancellationToken.None)).Count > 0;)
        {
            all.AddRange(page);
        }

        return all;
    }

    /// <summary>What the log holds, decoded: the body of every event in seq order.</summary>
    protected async Task<IReadOnlyList<OmniPos.Core.Events.EventBody>> AllBodiesAsync() =>
        [.. (await AllEventsAsync()).Select(e => EventJson.Parse(Encoding.UTF8.GetBytes(e.Payload)).Event!.Body)];

    protected async Task<AppendOutcome> AppendAsync(OmniPos.Core.Events.EventBody body, string? eventId = null) =>
        await Store.AppendAsync(TestEvents.Event(body, eventId), CancellationToken.None);

    protected async Task<long> AppendAcceptedAsync(OmniPos.Core.Events.EventBody body)
    {
        var outcome = await AppendAsync(body);
        Assert.True(outcome.Status == AppendStatus.Accepted, string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return outcome.Seq!.Value;
    }

    /// <summary>
    /// Appends the events so that the store records them in one transaction: while a lock holds the writer on a first,
    /// unrelated sale (T-0), they queue in order, and it takes them all in once the lock goes.
    /// </summary>
    protected async Task<AppendOutcome[]> AppendTogetherAsync(params PosEvent[] events) => await Task.WhenAll(await StartTogetherAsync(events));

    protected async Task<List<Task<AppendOutcome>>> StartTogetherAsync(params PosEvent[] events)
    {
        Task<AppendOutcome> first;
        List<Task<AppendOutcome>> appends;
        await using (await Backend.HoldWritesAsync())
        {
            first = AppendAsync(TestEvents.Sale("T-0", ("SKU-5", 1, 10.00m)));
            appends = [.. events.Select(e => Store.AppendAsync(e, CancellationToken.None))]; // queued in order before the lock goes
        }

        Assert.Equal(AppendStatus.Accepted, (await first).Status);
        return appends;
    }
}
