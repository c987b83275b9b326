namespace OmniPos.Core.Importing;

/// <summary>What became of one processor record offered to the store.</summary>
public enum RecordStatus
{
    /// <summary>Recorded now.</summary>
    Added,

    /// <summary>The same record (same key, same values) was recorded before; nothing was written.</summary>
    Duplicate,

    /// <summary>A record with the same key but other values was recorded before; nothing was written.</summary>
    Conflict,

    /// <summary>The record names a store that does not exist; nothing was written.</summary>
    UnknownStore,

    /// <summary>The record's currency is not its store's; nothing was written.</summary>
    WrongCurrency,
}
