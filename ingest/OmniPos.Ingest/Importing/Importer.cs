using OmniPos.Core.Storage;

namespace OmniPos.Ingest.Importing;

/// <summary>One kind of file: the header it must start with, how its rows become units, and how units are recorded.</summary>
internal abstract class Importer<T>
{
    /// <summary>The columns, in order, that the header row must name (compared without regard to case).</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>Reads every row after the header (rows holding a card number are already taken out).</summary>
    public abstract ImportPlan<T> Plan(IEnumerable<CsvRow> rows);

    /// <summary>Sets up what the units refer to before any is recorded; must be harmless to repeat.</summary>
    public virtual Task PrepareAsync(IOperationalStore store, ImportPlan<T> plan, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Records the units together; answers each one's fate, in order. Every answered unit is durable.</summary>
    public abstract Task<IReadOnlyList<UnitOutcome>> RecordAsync(IOperationalStore store, IReadOnlyList<T> units, CancellationToken cancellationToken);
}
