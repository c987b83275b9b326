using OmniPos.Core.Validation;

namespace OmniPos.Core.Storage;

/// <summary>The answer to an append: what happened, the event's seq when it is recorded, and the errors when it is not.</summary>
public sealed record AppendOutcome(AppendStatus Status, long? Seq, IReadOnlyList<ValidationError> Errors)
{
    public static AppendOutcome Accepted(long seq) => new(AppendStatus.Accepted, seq, []);

    public static AppendOutcome Duplicate(long seq) => new(AppendStatus.Duplicate, seq, []);

    public static AppendOutcome Conflict(string eventId) => new(AppendStatus.Conflict, null,
        [new ValidationError("eventId", Rules.IdempotencyConflict, $"event '{eventId}' was already recorded with different content")]);

    public static AppendOutcome Rejected(IReadOnlyList<ValidationError> errors) => new(AppendStatus.Rejected, null, errors);

    /// <summary>True when the event is in the log (now or from before): the device may forget it.</summary>
    public bool IsRecorded => Status is AppendStatus.Accepted or AppendStatus.Duplicate;
}
