using OmniPos.Core.Events;

namespace OmniPos.Core.Tests.Storage;

/// <summary>One broken rule: what is recorded first, the offending event, and the error a client must get for it.</summary>
public sealed record RuleCase(IReadOnlyList<EventBody> Before, PosEvent Offending, string Field, string Rule, string MessageFragment);
