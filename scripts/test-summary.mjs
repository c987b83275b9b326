// Summarises `dotnet test --logger trx` result files: counts per outcome, how many PostgreSQL tests ran, the names of
// failures, and a closing "N passed, N failed" line. Exits non-zero when a test failed or none ran.
import { readFileSync } from "node:fs";

const files = process.argv.slice(2);
const results = files.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/<UnitTestResult\b[^>]*>/g)].map(([element]) => ({
    name: /testName="([^"]*)"/.exec(element)?.[1] ?? "?",
    outcome: /outcome="([^"]*)"/.exec(element)?.[1] ?? "?",
  })),
);

const count = (predicate) => results.filter(predicate).length;
const passed = count((r) => r.outcome === "Passed");
const failed = count((r) => r.outcome === "Failed");
const skipped = results.length - passed - failed;
const postgres = results.filter((r) => r.name.includes("Postgres"));

console.log(`Test result files: ${files.length}`);
console.log(`PostgreSQL tests: ${count((r) => postgres.includes(r) && r.outcome === "Passed")} passed of ${postgres.length}`);
for (const r of results.filter((r) => r.outcome === "Failed")) console.log(`FAILED ${r.name}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
