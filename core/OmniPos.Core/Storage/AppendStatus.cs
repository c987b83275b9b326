namespace OmniPos.Core.Storage;

public enum AppendStatus
{
    /// <summary>Recorded now, with a new seq.</summary>
    Accepted,

    /// <summary>The same event (same id, same content) was recorded before; its original seq is returned.</summary>
    Duplicate,

    /// <summary>The id was recorded before with different content; nothing was written.</summary>
    Conflict,

    /// <summary>The event breaks a rule; nothing was written.</summary>
    Rejected,
}
