namespace OmniPos.Models.Promotions;

/// <summary>
/// A promotion's rate with that rate's variance: a cross-effect as a share of its group's baseline (what the substitutes
/// lost of theirs, say), or how far the control's error moved from before the promotion to a span of it.
/// </summary>
internal sealed record Rate(double Value, double Variance);
