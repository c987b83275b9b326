using System.Data.Common;

namespace OmniPos.Core.Storage;

/// <summary>Amounts read back as people write them, whichever engine stored them.</summary>
internal static class StoredAmount
{
    /// <summary>
    /// The amount in the column without the trailing zeros a fixed-scale column pads it with (PostgreSQL's numeric(19, 4)
    /// gives 12.0000), but with at least two decimals: 12.00, 12.345.
    /// </summary>
    public static decimal Read(DbDataReader reader, int column) => reader.GetDecimal(column) / 1.0000000000000000000000000000m + 0.00m;
}
