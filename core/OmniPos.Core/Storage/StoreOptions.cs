namespace OmniPos.Core.Storage;

/// <summary>The <c>Store</c> configuration section: which engine holds the operational store and where.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary><c>sqlite</c> (the default: <c>ops.db</c> in the data directory) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>An Npgsql connection string for <c>postgres</c>; for <c>sqlite</c>, an optional path overriding the default file.</summary>
    public string? ConnectionString { get; set; }
}
