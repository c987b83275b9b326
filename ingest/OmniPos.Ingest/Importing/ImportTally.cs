using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Importing;

/// <summary>The counts of a run as it goes, started from a plan or from the report of the interrupted run it continues.</summary>
internal sealed class ImportTally
{
    private readonly ImportReport _start;
    private readonly Dictionary<string, int> _recorded;
    private readonly Dictionary<string, int> _refusedByReason;
    private readonly List<RowRefusal> _refusals;
    private int _duplicates, _rowsRecorded, _rowsRefused, _unitsDone;

    public ImportTally(ImportReport start)
    {
        _start = start;
        _recorded = new(start.Recorded, StringComparer.Ordinal);
        _refusedByReason = new(start.RefusedByReason, StringComparer.Ordinal);
        _refusals = [.. start.Refusals];
        (_duplicates, _rowsRecorded, _rowsRefused, _unitsDone) = (start.Duplicates, start.RowsRecorded, start.RowsRefused, start.UnitsDone);
    }

    public int UnitsDone => _unitsDone;

    /// <summary>A fresh run's tally: the plan's rows and groups, and the rows it refused on reading.</summary>
    public static ImportTally Start<T>(string importId, string kind, ImportPlan<T> plan)
    {
        var tally = new ImportTally(new ImportReport(importId, kind, false, false, plan.Rows, plan.Groups, plan.Units.Count, 0,
            new Dictionary<string, int>(), 0, 0, 0, new Dictionary<string, int>(), []));
        foreach (var refusal in plan.Refusals)
        {
            tally.Refuse(refusal);
        }

        return tally;
    }

    public void Count<T>(ImportUnit<T> unit, UnitOutcome outcome)
    {
        _unitsDone++;
        switch (outcome.Status)
        {
            case UnitStatus.Accepted:
                _recorded[unit.Type] = _recorded.GetValueOrDefault(unit.Type) + 1;
                _rowsRecorded += unit.Lines.Count;
                break;
            case UnitStatus.Duplicate:
                _duplicates++;
                _rowsRecorded += unit.Lines.Count;
                break;
            default:
                // The store refused the unit whole: each of its rows is refused for the first rule it broke.
                var error = outcome.Errors.Count > 0 ? outcome.Errors[0] : new ValidationError("$", Rules.Malformed, "refused");
                var message = string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}"));
                foreach (var line in unit.Lines)
                {
                    Refuse(new RowRefusal(line, error.Field, error.Rule, message));
                }

                break;
        }
    }

    public ImportReport Report(bool finished) => _start with
    {
        Finished = finished,
        UnitsDone = _unitsDone,
        Recorded = new SortedDictionary<string, int>(_recorded, StringComparer.Ordinal),
        Duplicates = _duplicates,
        RowsRecorded = _rowsRecorded,
        RowsRefused = _rowsRefused,
        RefusedByReason = new SortedDictionary<string, int>(_refusedByReason, StringComparer.Ordinal),
        Refusals = [.. _refusals.OrderBy(r => r.Line).Take(ImportRunner.ListedRefusals)],
    };

    private void Refuse(RowRefusal refusal)
    {
        _rowsRefused++;
        _refusedByReason[refusal.Rule] = _refusedByReason.GetValueOrDefault(refusal.Rule) + 1;
        _refusals.Add(refusal);
        if (_refusals.Count > 4 * ImportRunner.ListedRefusals)
        {
            var first = _refusals.OrderBy(r => r.Line).Take(ImportRunner.ListedRefusals).ToList();
            _refusals.Clear();
            _refusals.AddRange(first);
        }
    }
}
