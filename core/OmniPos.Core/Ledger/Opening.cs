using OmniPos.Core.Catalog;

namespace OmniPos.Core.Ledger;

/// <summary>What an append reads first: the event itself if it was recorded before, and the store and device it names.</summary>
internal sealed record Opening((long Seq, string Hash)? Existing, Store? Store, Device? Device);
