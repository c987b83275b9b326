namespace OmniPos.Bench.Stores;

internal enum StoreEngine
{
    Sqlite,
    Postgres,
}
