namespace OmniPos.Warehouse.Tests.Support;

/// <summary>A directory a test owns and removes when done.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("omnipos-warehouse-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
