using OmniPos.Warehouse.Tests.Support;

namespace OmniPos.Warehouse.Tests.Landing;

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresCrashLandingTests(PostgresEngine engine) : CrashLandingTests(engine);
