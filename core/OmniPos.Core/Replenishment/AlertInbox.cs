namespace OmniPos.Core.Replenishment;

/// <summary>Which alerts a listing shows: the inbox (open and not snoozed), snoozed ones, resolved ones, or all.</summary>
public enum AlertInbox
{
    Open,
    Snoozed,
    Resolved,
    All,
}
