namespace OmniPos.Models.Xgboost;

/// <summary>
/// What training did: the rounds it boosted, the round whose model it kept (the best on validation when stopping early,
/// else the last), and the validation metric by round (empty without a validation set).
/// </summary>
internal sealed record TrainingReport(int RoundsBoosted, int BestRound, string? Metric, IReadOnlyList<double> ValidationScores)
{
    public double? BestScore => ValidationScores.Count > BestRound ? ValidationScores[BestRound] : null;
}
