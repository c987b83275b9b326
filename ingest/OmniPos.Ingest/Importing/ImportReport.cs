namespace OmniPos.Ingest.Importing;

/// <summary>
/// What an import did with a file. Every row is accounted for: <see cref="Rows"/> = <see cref="RowsRecorded"/> +
/// <see cref="RowsRefused"/> once the import is <see cref="Finished"/>.
/// </summary>
/// <param name="ImportId">The kind and the SHA-256 of the file: the same file is the same import.</param>
/// <param name="AlreadyImported">True when the file was imported before and nothing was done now; the counts are that import's.</param>
/// <param name="Rows">Data rows of the file (records after the header).</param>
/// <param name="Groups">What the rows form: invoices, orders, or one per processor record, whether recorded or not.</param>
/// <param name="Units">Groups with a row left to record after the refused rows were taken out; <paramref name="UnitsDone"/> of them are answered.</param>
/// <param name="Recorded">Units recorded by this import, by type (<c>sale</c>, <c>return</c>, <c>settlement</c>, <c>chargeback</c>).</param>
/// <param name="Duplicates">Units found already recorded (the same file again, or a run resumed over units it had recorded).</param>
/// <param name="RowsRecorded">Rows in recorded or duplicate units: rows whose content is in the store.</param>
/// <param name="RefusedByReason">Refused rows by rule.</param>
/// <param name="Refusals">The first refusals by line, at most <see cref="ImportRunner.ListedRefusals"/>.</param>
public sealed record ImportReport(
    string ImportId,
    string Kind,
    bool AlreadyImported,
    bool Finished,
    int Rows,
    int Groups,
    int Units,
    int UnitsDone,
    IReadOnlyDictionary<string, int> Recorded,
    int Duplicates,
    int RowsRecorded,
    int RowsRefused,
    IReadOnlyDictionary<string, int> RefusedByReason,
    IReadOnlyList<RowRefusal> Refusals);
