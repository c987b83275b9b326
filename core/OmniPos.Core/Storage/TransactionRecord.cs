using OmniPos.Core.Events;

namespace OmniPos.Core.Storage;

/// <summary>A sale as a receipt shows it, with every return recorded against it so far, oldest first.</summary>
public sealed record TransactionRecord(long Seq, PosEvent Sale, IReadOnlyList<PosEvent> Returns);
