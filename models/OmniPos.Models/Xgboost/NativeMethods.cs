using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniPos.Models.Xgboost;

/// <summary>
/// The XGBoost 1.7 C API (c_api.h) as this binding uses it. Every call returns 0 on success and -1 on failure, with the
/// reason in <c>XGBGetLastError</c> (thread-local in XGBoost); <see cref="Check"/> turns a failure into an exception.
/// Memory XGBoost returns (predictions, evaluation text, a saved buffer) belongs to the booster and stays valid only
/// until the next call on it, so it is copied out at once. <c>bst_ulong</c> is <c>uint64_t</c>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    static NativeMethods() => XgboostLibrary.Register();

    public static void Check(int status, string what)
    {
        if (status != 0)
        {
            throw new XgboostException($"XGBoost failed to {what}: {LastError()}");
        }
    }

    public static string LastError() => Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "(no message)";

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial IntPtr XGBGetLastError();

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void XGBoostVersion(out int major, out int minor, out int patch);

    // Data matrices

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGDMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out IntPtr matrix);

    [LibraryImport(XgboostLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGDMatrixSetFloatInfo(MatrixHandle matrix, string field, float* values, ulong length);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGDMatrixNumRow(MatrixHandle matrix, out ulong rows);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGDMatrixNumCol(MatrixHandle matrix, out ulong columns);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGDMatrixFree(IntPtr matrix);

    // Boosters

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterCreate(IntPtr* matrices, ulong count, out IntPtr booster);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterFree(IntPtr booster);

    [LibraryImport(XgboostLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterSetParam(BoosterHandle booster, string name, string value);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterUpdateOneIter(BoosterHandle booster, int iteration, MatrixHandle train);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterEvalOneIter(
        BoosterHandle booster, int iteration, IntPtr* matrices, IntPtr* names, ulong count, out IntPtr result);

    [LibraryImport(XgboostLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterPredictFromDMatrix(
        BoosterHandle booster, MatrixHandle matrix, string jsonConfig, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterSlice(BoosterHandle booster, int beginLayer, int endLayer, int step, out IntPtr sliced);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterBoostedRounds(BoosterHandle booster, out int rounds);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterGetNumFeature(BoosterHandle booster, out ulong features);

    [LibraryImport(XgboostLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterSetAttr(BoosterHandle booster, string key, string? value);

    [LibraryImport(XgboostLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterGetAttr(BoosterHandle booster, string key, out IntPtr value, out int found);

    [LibraryImport(XgboostLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterSaveModelToBuffer(BoosterHandle booster, string jsonConfig, out ulong length, out byte* buffer);

    [LibraryImport(XgboostLibrary.Name)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int XGBoosterLoadModelFromBuffer(BoosterHandle booster, byte* buffer, ulong length);
}
