using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>What the store answered for one unit: recorded now, recorded before, or refused with the rules it broke.</summary>
internal sealed record UnitOutcome(UnitStatus Status, IReadOnlyList<ValidationError> Errors)
{
    public static UnitOutcome Accepted { get; } = new(UnitStatus.Accepted, []);

    public static UnitOutcome Duplicate { get; } = new(UnitStatus.Duplicate, []);

    public static UnitOutcome Refused(params ValidationError[] errors) => new(UnitStatus.Refused, errors);
}

internal enum UnitStatus
{
    Accepted,
    Duplicate,
    Refused,
}
