namespace OmniPos.Warehouse.LossPrevention;

/// <summary>One figure of a behaviour day, and which way of it is suspect: +1 more than peers, −1 less, 0 neither (context only).</summary>
public sealed record BehaviourFeature(string Name, int Suspect = 1);
