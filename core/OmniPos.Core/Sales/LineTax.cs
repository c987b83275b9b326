namespace OmniPos.Core.Sales;

/// <summary>Tax charged on a line for one jurisdiction.</summary>
public sealed record LineTax(string Jurisdiction, decimal Amount);
