namespace OmniPos.Models.Xgboost;

/// <summary>
/// An XGBoost data matrix (<c>DMatrix</c>) built from a dense, row-major array of floats, where <see cref="float.NaN"/>
/// (or the given <c>missing</c> value) marks a value that is not known. XGBoost copies the values, so the array may be
/// reused once this is built.
/// </summary>
internal sealed unsafe class XgboostMatrix : IDisposable
{
    private XgboostMatrix(MatrixHandle handle, int rows, int columns)
    {
        Handle = handle;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    internal MatrixHandle Handle { get; }

    public static XgboostMatrix FromDense(ReadOnlySpan<float> values, int rows, int columns, float missing = float.NaN)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"{values.Length} values do not make {rows} rows of {columns} columns.", nameof(values));
        }

        fixed (float* data = values)
        {
            NativeMethods.Check(
                NativeMethods.XGDMatrixCreateFromMat(data, (ulong)rows, (ulong)columns, missing, out var pointer),
                $"build a {rows}×{columns} matrix");
            return new XgboostMatrix(MatrixHandle.Of(pointer), rows, columns);
        }
    }

    /// <summary>The value each row should predict.</summary>
    public void SetLabels(ReadOnlySpan<float> labels) => SetRowInfo("label", labels);

    /// <summary>How much each row counts in training and evaluation.</summary>
    public void SetWeights(ReadOnlySpan<float> weights) => SetRowInfo("weight", weights);

    /// <summary>The starting prediction (in the objective's margin) each row boosts from.</summary>
    public void SetBaseMargins(ReadOnlySpan<float> margins) => SetRowInfo("base_margin", margins);

    public void Dispose() => Handle.Dispose();

    private void SetRowInfo(string field, ReadOnlySpan<float> values)
    {
        if (values.Length != Rows)
        {
            throw new ArgumentException($"{values.Length} {field} values for a matrix of {Rows} rows.", nameof(values));
        }

        fixed (float* data = values)
        {
            NativeMethods.Check(NativeMethods.XGDMatrixSetFloatInfo(Handle, field, data, (ulong)values.Length), $"set the {field} of a matrix");
        }
    }
}
