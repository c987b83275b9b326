using System.Globalization;
using OmniPos.Warehouse.Schema;

namespace OmniPos.Warehouse.LossPrevention;

/// <summary>
/// One exception rule: its SQL over the star schema (<c>Rules/&lt;name&gt;.sql</c>, taking <c>$from</c>, <c>$through</c>
/// and its thresholds), which thresholds it takes, where its measure starts to count, and how a finding reads.
/// </summary>
public sealed class ExceptionRule
{
    private readonly Func<ExceptionThresholds, IReadOnlyDictionary<string, object>> _parameters;
    private readonly Func<ExceptionThresholds, double?> _threshold;
    private readonly Func<ExceptionFinding, ExceptionThresholds, FormattableString> _describe;
    private readonly Lazy<string> _sql;

    internal ExceptionRule(string name, Func<ExceptionThresholds, IReadOnlyDictionary<string, object>> parameters,
        Func<ExceptionThresholds, double?> threshold, Func<ExceptionFinding, ExceptionThresholds, FormattableString> describe)
    {
        Name = name;
        _parameters = parameters;
        _threshold = threshold;
        _describe = describe;
        _sql = new Lazy<string>(() => EmbeddedSql.Read($"LossPrevention/Rules/{name}.sql"));
    }

    /// <summary>The rule's name, which is also the fraud scheme it looks for.</summary>
    public string Name { get; }

    internal string Sql => _sql.Value;

    /// <summary>The threshold the finding's measure is held against, or null where any finding is a case outright.</summary>
    public double? Threshold(ExceptionThresholds thresholds) => _threshold(thresholds);

    /// <summary>The finding in a sentence for the analyst.</summary>
    public string Describe(ExceptionFinding finding, ExceptionThresholds thresholds) => _describe(finding, thresholds).ToString(CultureInfo.InvariantCulture);

    internal IReadOnlyDictionary<string, object> Parameters(ExceptionThresholds thresholds) => _parameters(thresholds);
}
