using System.Reflection;
using System.Runtime.InteropServices;

namespace OmniPos.Models.Xgboost;

/// <summary>
/// Finds <c>libxgboost.so.0</c>: the file <c>OMNIPOS_XGBOOST_LIB</c> names, else the one Debian's <c>libxgboost0</c>
/// package installs, through the system's library search path.
/// </summary>
internal static class XgboostLibrary
{
    public const string Name = "xgboost";
    public const string PathVariable = "OMNIPOS_XGBOOST_LIB";
    private const string SystemName = "libxgboost.so.0";

    /// <summary>Registers the resolver for this assembly, whose only native library is XGBoost; <see cref="NativeMethods"/>'s type initializer calls it, once.</summary>
    public static void Register() => NativeLibrary.SetDllImportResolver(typeof(XgboostLibrary).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name)
        {
            return IntPtr.Zero;
        }

        var configured = Environment.GetEnvironmentVariable(PathVariable);
        var wanted = string.IsNullOrWhiteSpace(configured) ? SystemName : configured;
        if (NativeLibrary.TryLoad(wanted, out var library))
        {
            return library;
        }

        throw new DllNotFoundException(string.IsNullOrWhiteSpace(configured)
            ? $"{SystemName} was not found. Install Debian's libxgboost0 (`make deps` does) or set {PathVariable} to the library's path."
            : $"{PathVariable} names {configured}, which could not be loaded.");
    }
}
