namespace OmniPos.Core.Storage;

/// <summary>Another writer recorded an event id between this transaction's read of it and its write; recording again answers it as a duplicate.</summary>
internal sealed class ConcurrentAppendException(string eventId)
    : Exception($"another writer recorded event '{eventId}' while this transaction was recording it");
