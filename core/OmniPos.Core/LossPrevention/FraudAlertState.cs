namespace OmniPos.Core.LossPrevention;

/// <summary>Which fraud alerts a listing shows: those waiting for review (the default), confirmed, dismissed, or all.</summary>
public enum FraudAlertState
{
    Open,
    Confirmed,
    Dismissed,
    All,
}
