namespace OmniPos.Ingest.Importing;

/// <summary>A file read through: its rows, the groups they form (invoices, orders, one per record), the units to record in file order, and the rows refused on reading.</summary>
internal sealed record ImportPlan<T>(int Rows, int Groups, IReadOnlyList<ImportUnit<T>> Units, IReadOnlyList<RowRefusal> Refusals);
