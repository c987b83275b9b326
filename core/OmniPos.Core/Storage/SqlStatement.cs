namespace OmniPos.Core.Storage;

/// <summary>One parameterized statement, built before it runs so a whole event's writes can go to the server together.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters);
