namespace OmniPos.Models.Training;

/// <summary>The warehouse holds no demand history, or too little to backtest: nothing to train on yet, and why.</summary>
public sealed class NotEnoughHistoryException(string message) : Exception(message);
