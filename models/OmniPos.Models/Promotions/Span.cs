namespace OmniPos.Models.Promotions;

/// <summary>The days a promotion is measured over: its own, the dip's after it, and the days before it that show the model's level (<see cref="PromotionSettings.LevelDays"/>).</summary>
internal enum Span
{
    Running,
    After,
    Before,
}
