namespace OmniPos.Core.Validation;

/// <summary>Why an event was refused: the field at fault (a JSON path such as <c>body.lines[1].quantity</c>), the rule broken and a sentence for people.</summary>
public sealed record ValidationError(string Field, string Rule, string Message);
