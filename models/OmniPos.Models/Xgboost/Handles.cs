using System.Runtime.InteropServices;

namespace OmniPos.Models.Xgboost;

/// <summary>An XGBoost object released by its C free function however its owner is left (Dispose, exception, finalizer).</summary>
internal abstract class XgboostHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected static T Own<T>(T owner, IntPtr pointer) where T : XgboostHandle
    {
        owner.SetHandle(pointer);
        return owner;
    }
}

internal sealed class MatrixHandle : XgboostHandle
{
    public static MatrixHandle Of(IntPtr pointer) => Own(new MatrixHandle(), pointer);

    protected override bool ReleaseHandle() => NativeMethods.XGDMatrixFree(handle) == 0;
}

internal sealed class BoosterHandle : XgboostHandle
{
    public static BoosterHandle Of(IntPtr pointer) => Own(new BoosterHandle(), pointer);

    protected override bool ReleaseHandle() => NativeMethods.XGBoosterFree(handle) == 0;
}
