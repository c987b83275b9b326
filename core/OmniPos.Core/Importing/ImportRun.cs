namespace OmniPos.Core.Importing;

/// <summary>One import of one file, as far as it got.</summary>
/// <param name="ImportId">The kind and the SHA-256 of the file: the same file is the same import whatever its name.</param>
/// <param name="UnitsDone">How many of the file's units (invoices, orders, records), in file order, are answered and durable.</param>
/// <param name="Report">The importer's account so far (counts, refusals), as it chose to write it; the store keeps it as given.</param>
/// <param name="FinishedAt">When every unit was answered; null while the run is under way or was interrupted.</param>
public sealed record ImportRun(string ImportId, string Kind, int UnitsDone, string Report, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
