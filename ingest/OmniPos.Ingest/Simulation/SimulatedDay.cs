using OmniPos.Core.Events;
using OmniPos.Core.Importing;

namespace OmniPos.Ingest.Simulation;

/// <summary>
/// One business day as the chain's devices and its card processor send it: the events in the order they are posted
/// (yesterday's offline queues first, then each device's day), the settlement file for yesterday's card payments and the
/// chargebacks that came in.
/// </summary>
public sealed record SimulatedDay(DateOnly Day, IReadOnlyList<PosEvent> Events, IReadOnlyList<Settlement> Settlements, IReadOnlyList<Chargeback> Chargebacks);
