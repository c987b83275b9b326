namespace OmniPos.Core.Storage;

/// <summary>What an error while recording a group says about what to do next.</summary>
internal enum AppendFault
{
    /// <summary>
    /// Record the group again, the usual way: another process wrote the same database meanwhile (recorded an event id,
    /// locked rows in the other order), or a group written at once met an event id or receipt number already taken.
    /// </summary>
    Race,

    /// <summary>The database refused one event's rows (a constraint, a trigger, a value out of range): record the events one at a time, so only that one fails.</summary>
    Event,

    /// <summary>The store itself failed (unreachable, busy, out of disk): every event of the group fails at once.</summary>
    Store,
}
