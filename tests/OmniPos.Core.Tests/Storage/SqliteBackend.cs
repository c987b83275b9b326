using OmniPos.Core.Tests.Support;

namespace OmniPos.Core.Tests.Storage;

public sealed class SqliteBackend : StoreBackend
{
    private readonly TempDirectory _directory = new();

    public override string Provider => "sqlite";

    public override string ConnectionString => Path.Combine(_directory.Path, "ops.db");

    public override Task<IReadOnlyList<string>> DataFilesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Directory.GetFiles(_directory.Path));

    public override ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
