namespace OmniPos.Models.Promotions;

/// <summary>The days a promotion is measured over: its own, the dip's after it, and the four weeks before it.</summary>
internal enum Span
{
    Running,
    After,
    Before,
}
