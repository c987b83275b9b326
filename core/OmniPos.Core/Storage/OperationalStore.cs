using Microsoft.Extensions.Logging;
using OmniPos.Core.Storage.Postgres;
using OmniPos.Core.Storage.Sqlite;

namespace OmniPos.Core.Storage;

/// <summary>Opens the operational store the configuration names.</summary>
public static class OperationalStore
{
    public static async Task<IOperationalStore> OpenAsync(StoreOptions options, string dataDirectory, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        options.Provider.ToUpperInvariant() switch
        {
            "SQLITE" => await SqliteOperationalStore.OpenAsync(
                options.ConnectionString ?? Path.Combine(dataDirectory, "ops.db"), clock, loggers.CreateLogger<SqliteOperationalStore>(), cancellationToken),
            "POSTGRES" or "POSTGRESQL" => await PostgresOperationalStore.OpenAsync(
                options.ConnectionString ?? throw new InvalidOperationException("Store:ConnectionString is required when Store:Provider is postgres"),
                clock, loggers.CreateLogger<PostgresOperationalStore>(), cancellationToken),
            _ => throw new InvalidOperationException($"Store:Provider '{options.Provider}' is not one of sqlite, postgres"),
        };
}
