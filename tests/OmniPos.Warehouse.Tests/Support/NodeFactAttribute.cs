namespace OmniPos.Warehouse.Tests.Support;

/// <summary>
/// A fact that needs the independent Parquet reader (<see cref="HyparquetReader"/>): skipped where node or hyparquet is
/// missing, except under CI=true, where it runs and fails so the suite cannot pass without its second reader.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (HyparquetReader.Missing is { } missing && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{missing}; run make test (under CI=true this test fails instead)";
        }
    }
}
