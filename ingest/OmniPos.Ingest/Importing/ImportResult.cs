using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>The report of an import, or why the file was not imported at all (an unknown kind, a wrong header row).</summary>
public sealed record ImportResult(ImportReport? Report, ValidationError? Error)
{
    public static ImportResult Done(ImportReport report) => new(report, null);

    public static ImportResult Failed(string field, string message) => new(null, new ValidationError(field, Rules.Malformed, message));
}
