namespace OmniPos.Warehouse.DuckDb;

/// <summary>DuckDB's type ids (<c>duckdb_type</c>), those this binding reads or writes.</summary>
internal enum DuckDbType
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    HugeInt = 16,
    Varchar = 17,
    Decimal = 19,
    List = 24,
    TimestampTz = 31,
}
