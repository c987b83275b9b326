namespace OmniPos.Models.LossPrevention;

/// <summary>
/// A subject-day scored against its peers: the isolation-forest <see cref="Anomaly"/> (0 to 1), and the figures that
/// stand out in the suspect direction as robust z-scores ((x − median) / (1.4826 · MAD)), with people's words for them.
/// </summary>
public sealed record BehaviourScore(string StoreId, string SubjectKind, string Subject, DateOnly BusinessDate, double Anomaly, double LargestZ,
    IReadOnlyList<string> Reasons, IReadOnlyList<long> Evidence);
