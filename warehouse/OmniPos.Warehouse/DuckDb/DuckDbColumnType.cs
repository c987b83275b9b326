namespace OmniPos.Warehouse.DuckDb;

/// <summary>A column's type as far as reading and appending need it: the id, a decimal's width, scale and storage, a list's element.</summary>
internal sealed record DuckDbColumnType(DuckDbType Id, byte Width = 0, byte Scale = 0, DuckDbType DecimalStorage = DuckDbType.Invalid, DuckDbColumnType? Element = null)
{
    public static DuckDbColumnType Of(IntPtr logicalType)
    {
        var id = NativeMethods.duckdb_get_type_id(logicalType);
        switch (id)
        {
            case DuckDbType.Decimal:
                return new DuckDbColumnType(id, NativeMethods.duckdb_decimal_width(logicalType), NativeMethods.duckdb_decimal_scale(logicalType),
                    NativeMethods.duckdb_decimal_internal_type(logicalType));
            case DuckDbType.List:
                var child = NativeMethods.duckdb_list_type_child_type(logicalType);
                try
                {
                    return new DuckDbColumnType(id, Element: Of(child));
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(ref child);
                }

            default:
                return new DuckDbColumnType(id);
        }
    }

    public override string ToString() => Id switch
    {
        DuckDbType.Decimal => $"DECIMAL({Width},{Scale})",
        DuckDbType.List => $"{Element}[]",
        _ => Id.ToString().ToUpperInvariant(),
    };
}
