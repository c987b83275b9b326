using System.Text.Json;

namespace OmniPos.Ingest.Lookups;

/// <summary>A sale as its receipt shows it, with the returns recorded against it so far, oldest first; events in their canonical JSON.</summary>
internal sealed record ReceiptAnswer(string TransactionId, long Seq, JsonElement Sale, IReadOnlyList<JsonElement> Returns);
