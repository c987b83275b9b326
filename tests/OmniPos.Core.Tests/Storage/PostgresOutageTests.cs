using Npgsql;
using OmniPos.Core.Storage;
using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

/// <summary>The server store when its database goes away and comes back: appends fail with the store's error, nothing is half-recorded, and recording resumes.</summary>
[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresOutageTests(PostgresFixture postgres) : StoreTestBase
{
    protected override async Task<StoreBackend> CreateBackendAsync() => await postgres.CreateBackendAsync();

    [Fact]
    public async Task While_the_database_refuses_connections_appends_fail_and_afterwards_they_record()
    {
        await AppendAcceptedAsync(TestEvents.Sale("T-0", ("SKU-1", 1, 10.00m)));
        var sales = Enumerable.Range(1, 5).Select(i => TestEvents.Event(TestEvents.Sale($"T-{i}", ("SKU-2", 1, 10.00m)))).ToList();

        await SetConnectionsAllowedAsync(false);
        var outcomes = sales.Select(e => Store.AppendAsync(e, CancellationToken.None)).ToList();
        foreach (var outcome in outcomes)
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => outcome);
        }

        await SetConnectionsAllowedAsync(true);
        foreach (var sale in sales)
        {
            Assert.Equal(AppendStatus.Accepted, (await Store.AppendAsync(sale, CancellationToken.None)).Status);
        }

        Assert.Equal(6, (await AllEventsAsync()).Count);
        Assert.Equal(-5, (await Store.GetStockAsync("SKU-2", TestCatalog.StoreId, CancellationToken.None)).OnHand);
    }

    /// <summary>Closes the test database to new connections and ends the open ones, as a failover or a restart would; or opens it again.</summary>
    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        var database = new NpgsqlConnectionStringBuilder(Backend.ConnectionString).Database!;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Backend.ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}" +
            (allowed ? "" : $"; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'"), admin);
        await command.ExecuteNonQueryAsync();
    }
}
