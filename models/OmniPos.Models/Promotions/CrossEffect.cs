namespace OmniPos.Models.Promotions;

/// <summary>What a promotion does beside its own SKUs' lift: what their substitutes lose, what complements gain, what its SKUs lose after it.</summary>
internal enum CrossEffect
{
    Cannibalization,
    Halo,
    Dip,
}

internal static class CrossEffects
{
    /// <summary>Halo adds to the promotion's incremental units; cannibalization and the dip take from them.</summary>
    public static int Sign(this CrossEffect effect) => effect == CrossEffect.Halo ? 1 : -1;
}
