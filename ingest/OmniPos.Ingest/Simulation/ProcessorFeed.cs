using OmniPos.Core.Importing;
using OmniPos.Core.Payments;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// The card processor's side: every card or wallet tender captured on a day is settled in the next day's file, less a fee
/// — except a few it leaves out and a few it pays short, for reconciliation to find — and a few come back weeks later as
/// chargebacks.
/// </summary>
internal sealed class ProcessorFeed(Random random, DateOnly firstDay)
{
    private const double MissingShare = 0.004;
    private const double ShortShare = 0.003;
    private const double ChargebackShare = 0.001;
    private static readonly string[] ChargebackReasons = ["13.1", "13.3", "12.6.1", "10.4"];
    private readonly Dictionary<int, List<Settlement>> _settlements = [];
    private readonly Dictionary<int, List<Chargeback>> _chargebacks = [];

    public void Captured(string storeId, int day, Tender tender)
    {
        if (tender.Card is not { AuthCode: { } auth } card)
        {
            return;
        }

        var draw = random.NextDouble();
        if (draw >= MissingShare)
        {
            var amount = draw < MissingShare + ShortShare ? Math.Max(0.01m, tender.Amount - Checkout.Cents((decimal)random.NextDouble() * 5m)) : tender.Amount;
            var fee = Checkout.Cents((amount * 0.025m) + (tender.Kind == TenderKind.CardPresent ? 0m : 0.10m));
            Add(_settlements, day + 1, new Settlement(storeId, firstDay.AddDays(day + 1), card.Token, auth, amount, Math.Min(fee, amount), "USD"));
        }

        if (random.NextDouble() < ChargebackShare)
        {
            ChargeBack(storeId, day + random.Next(20, 61), tender, ChargebackReasons[random.Next(ChargebackReasons.Length)]);
        }
    }

    public void ChargeBack(string storeId, int day, Tender tender, string reason)
    {
        if (tender.Card is { AuthCode: { } auth } card)
        {
            Add(_chargebacks, day, new Chargeback(storeId, firstDay.AddDays(day), card.Token, auth, tender.Amount, "USD", reason));
        }
    }

    public IReadOnlyList<Settlement> SettlementsOn(int day) => Take(_settlements, day);

    public IReadOnlyList<Chargeback> ChargebacksOn(int day) => Take(_chargebacks, day);

    private static void Add<T>(Dictionary<int, List<T>> byDay, int day, T record)
    {
        if (!byDay.TryGetValue(day, out var list))
        {
            byDay[day] = list = [];
        }

        list.Add(record);
    }

    private static List<T> Take<T>(Dictionary<int, List<T>> byDay, int day) =>
        byDay.Remove(day, out var list) ? list : [];
}
