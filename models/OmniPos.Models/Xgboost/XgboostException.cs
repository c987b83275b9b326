namespace OmniPos.Models.Xgboost;

/// <summary>An error XGBoost reported, with its own text (<c>XGBGetLastError</c>).</summary>
public sealed class XgboostException(string message) : Exception(message);
