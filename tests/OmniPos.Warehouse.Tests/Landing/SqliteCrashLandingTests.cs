using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.Landing;

public sealed class SqliteCrashLandingTests() : CrashLandingTests(new SqliteEngine());
