using OmniPos.Core.Payments;
using OmniPos.Core.Returns;

namespace OmniPos.Ingest.Simulation;

/// <summary>A sale that may come back, with what each of its tenders can still take in refunds.</summary>
/// <param name="change">The change given, which the cash tender did not pay and so cannot take back.</param>
internal sealed class SoldTransaction(string transactionId, IEnumerable<Tender> tenders, decimal change)
{
    private readonly List<(int TenderNo, TenderKind Kind, decimal Left)> _tenders =
        [.. tenders.Select(t => (t.TenderNo, t.Kind, t.Kind == TenderKind.Cash ? t.Amount - change : t.Amount))];

    public string TransactionId { get; } = transactionId;

    /// <summary>Refunds of the amount to the sale's tenders in order, each up to what it has left; store credit for any rest.</summary>
    public IReadOnlyList<Refund> Refund(decimal amount)
    {
        var refunds = new List<Refund>();
        for (var i = 0; i < _tenders.Count && amount > 0; i++)
        {
            var (tenderNo, kind, left) = _tenders[i];
            var part = Math.Min(left, amount);
            if (part <= 0)
            {
                continue;
            }

            refunds.Add(new Refund(refunds.Count + 1, kind, part, tenderNo));
            _tenders[i] = (tenderNo, kind, left - part);
            amount -= part;
        }

        if (amount > 0)
        {
            refunds.Add(new Refund(refunds.Count + 1, TenderKind.StoreCredit, amount));
        }

        return refunds;
    }
}
