namespace OmniPos.Models.Promotions;

/// <summary>A cross-effect as a share of its group's baseline (what the substitutes lost of theirs, say), with that share's variance.</summary>
internal sealed record CrossRate(double Value, double Variance);
