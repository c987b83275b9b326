namespace OmniPos.Ingest.Simulation;

/// <summary>A leaf of the category tree; <paramref name="Complement"/> is the subcategory its promotions lift (halo).</summary>
public sealed record Subcategory(int Index, int Department, string Category, string Name, int Complement);
