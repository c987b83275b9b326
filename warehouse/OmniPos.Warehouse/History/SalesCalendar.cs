namespace OmniPos.Warehouse.History;

/// <summary>
/// The days a history covers, from <see cref="Start"/>, and often some days past its end, with what is known of each in
/// advance: the type of the holiday or event falling on it ("" when none) and, per region, the days of a regional flag
/// such as SNAP food benefits. A day past <see cref="Days"/> has no event and no flag.
/// </summary>
public sealed record SalesCalendar(DateOnly Start, int Days, string[] EventTypes, IReadOnlyDictionary<string, bool[]> RegionalFlags)
{
    public DateOnly DateOf(int day) => Start.AddDays(day);

    public int DayOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    public string EventOn(int day) => day >= 0 && day < Days ? EventTypes[day] : "";

    public bool Flagged(string region, int day) =>
        RegionalFlags.TryGetValue(region, out var flags) && day >= 0 && day < flags.Length && flags[day];

    /// <summary>A calendar with no events and no flags.</summary>
    public static SalesCalendar Plain(DateOnly start, int days) => new(start, days, Enumerable.Repeat("", days).ToArray(), new Dictionary<string, bool[]>());
}
