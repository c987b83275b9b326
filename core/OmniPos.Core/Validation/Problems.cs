using OmniPos.Core.Money;

namespace OmniPos.Core.Validation;

/// <summary>Collects the reasons an event is refused, with the checks every rule set needs.</summary>
internal sealed class Problems
{
    private const int MaxIdLength = 128;
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string field, string rule, string message) => _errors.Add(new ValidationError(field, rule, message));

    public bool Identifier(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Rules.Required, "is required and must not be blank");
            return false;
        }

        if (value.Length > MaxIdLength)
        {
            Add(field, Rules.TooLong, $"must be at most {MaxIdLength} characters");
            return false;
        }

        if (value.Any(char.IsControl))
        {
            Add(field, Rules.Malformed, "must not contain control characters");
            return false;
        }

        return true;
    }

    /// <summary>Absent is fine; present, the value must be an identifier (not blank, not too long).</summary>
    public void OptionalIdentifier(string field, string? value)
    {
        if (value is not null)
        {
            Identifier(field, value);
        }
    }

    public void Text(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Rules.Required, "is required and must not be blank");
        }
    }

    public void Positive(string field, decimal value)
    {
        if (value <= 0)
        {
            Add(field, Rules.Sign, $"must be greater than zero (was {value})");
        }
    }

    public void NotNegative(string field, decimal value)
    {
        if (value < 0)
        {
            Add(field, Rules.Sign, $"must not be negative (was {value})");
        }
    }

    public void Exact(string field, decimal amount, string currency)
    {
        if (Currency.IsWellFormed(currency) && !Currency.IsExact(amount, currency))
        {
            Add(field, Rules.Precision, $"{amount} has more than the {Currency.MinorUnits(currency)} decimals {currency} allows");
        }
    }

    public void Amount(string field, decimal amount, string currency, bool allowZero)
    {
        if (allowZero)
        {
            NotNegative(field, amount);
        }
        else
        {
            Positive(field, amount);
        }

        Exact(field, amount, currency);
    }

    public void UniqueNumbers<T>(string field, IReadOnlyList<T> items, Func<T, int> number, string what)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var n = number(items[i]);
            if (n <= 0)
            {
                Add($"{field}[{i}].{what}", Rules.Sign, $"must be a positive number (was {n})");
            }
            else if (!seen.Add(n))
            {
                Add($"{field}[{i}].{what}", Rules.DuplicateNumber, $"{what} {n} appears more than once");
            }
        }
    }
}
