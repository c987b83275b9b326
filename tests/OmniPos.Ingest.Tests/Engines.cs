using OmniPos.Ingest.Tests.Access;
using OmniPos.Ingest.Tests.Alerts;
using OmniPos.Ingest.Tests.Catalog;
using OmniPos.Ingest.Tests.Events;
using OmniPos.Ingest.Tests.Importing;
using OmniPos.Ingest.Tests.Lookups;
using OmniPos.Ingest.Tests.LossPrevention;
using OmniPos.Ingest.Tests.Support;
using OmniPos.Ingest.Tests.Webhooks;

namespace OmniPos.Ingest.Tests;

public sealed class SqliteEventPostingTests() : EventPostingTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresEventPostingTests(PostgresFixture postgres) : EventPostingTests(postgres);

public sealed class SqliteLookupTests() : LookupTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresLookupTests(PostgresFixture postgres) : LookupTests(postgres);

public sealed class SqliteAuthorizationTests() : AuthorizationTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresAuthorizationTests(PostgresFixture postgres) : AuthorizationTests(postgres);

public sealed class SqliteRateLimitTests() : RateLimitTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresRateLimitTests(PostgresFixture postgres) : RateLimitTests(postgres);

public sealed class SqliteCatalogTests() : CatalogTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresCatalogTests(PostgresFixture postgres) : CatalogTests(postgres);

public sealed class SqliteBatchTests() : BatchTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresBatchTests(PostgresFixture postgres) : BatchTests(postgres);

public sealed class SqliteImportTests() : ImportTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresImportTests(PostgresFixture postgres) : ImportTests(postgres);

public sealed class SqliteUciImportTests() : UciImportTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresUciImportTests(PostgresFixture postgres) : UciImportTests(postgres);

public sealed class SqliteWebhookTests() : WebhookTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresWebhookTests(PostgresFixture postgres) : WebhookTests(postgres);

public sealed class SqliteLowStockAlertTests() : LowStockAlertTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresLowStockAlertTests(PostgresFixture postgres) : LowStockAlertTests(postgres);

public sealed class SqliteFraudAlertApiTests() : FraudAlertApiTests(new SqliteStores());

[Collection(PostgresServerDefinition.Name)]
public sealed class PostgresFraudAlertApiTests(PostgresFixture postgres) : FraudAlertApiTests(postgres);
