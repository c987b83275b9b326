// Summarises `dotnet test --logger trx` result files (or folders holding them): counts per test assembly and in
// total, how many PostgreSQL tests passed, the names of failures with their messages and the top of their stack traces, and a closing "N passed, N failed" line.
// Exits non-zero when a test failed, when no test ran, or when no result file was found.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { basename, join } from "node:path";

const files = process.argv.slice(2).flatMap((arg) =>
  existsSync(arg) && statSync(arg).isDirectory()
    ? readdirSync(arg).filter((name) => name.endsWith(".trx")).map((name) => join(arg, name))
    : existsSync(arg) ? [arg] : [],
);
if (files.length === 0) {
  console.log(`No .trx test result files in ${process.argv.slice(2).join(" ") || "(no arguments)"}`);
  console.log("0 passed, 0 failed");
  process.exit(1);
}

const entities = { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" };
const unescape = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] !== "#" ? entities[e] ?? m : String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : +e.slice(1)));
const attr = (element, name) => unescape(new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1] ?? "");

const results = [];
for (const file of files) {
  const xml = readFileSync(file, "utf8");
  // Test definitions: id -> fully-qualified name and assembly (testName may be a display name).
  const definitions = new Map();
  for (const [, head, body] of xml.matchAll(/<UnitTest\b([^>]*)>([\s\S]*?)<\/UnitTest>/g)) {
    const method = /<TestMethod\b[^>]*>/.exec(body)?.[0] ?? "";
    definitions.set(attr(head, "id"), {
      fullName: `${attr(method, "className")}.${attr(method, "name")}`,
      assembly: basename(attr(method, "codeBase") || attr(head, "storage")),
    });
  }
  for (const [, element, body = ""] of xml.matchAll(/(<UnitTestResult\b[^>]*?)(?:\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
    const definition = definitions.get(attr(element, "testId"));
    const name = attr(element, "testName");
    results.push({
      name,
      fqn: definition?.fullName ?? "",
      assembly: definition?.assembly || basename(file),
      outcome: attr(element, "outcome"),
      error: ["Message", "StackTrace"].map((tag) => unescape(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body)?.[1] ?? "")),
    });
  }
}

const tally = (list) => {
  const passed = list.filter((r) => r.outcome === "Passed").length;
  const failed = list.filter((r) => r.outcome === "Failed").length;
  return { passed, failed, skipped: list.length - passed - failed };
};
const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;

console.log(`==> Test summary (${files.length} result file${files.length === 1 ? "" : "s"})`);
for (const assembly of [...new Set(results.map((r) => r.assembly))].sort()) {
  console.log(`  ${assembly}: ${line(tally(results.filter((r) => r.assembly === assembly)))}`);
}
const postgres = results.filter((r) => `${r.fqn} ${r.name}`.includes("Postgres"));
console.log(`PostgreSQL tests: ${tally(postgres).passed} passed (of ${postgres.length})`);
for (const r of results.filter((r) => r.outcome === "Failed")) {
  console.log(`FAILED ${r.name}${r.fqn && !r.name.startsWith(r.fqn) ? ` (${r.fqn})` : ""}`);
  const [message, stack] = r.error;
  const detail = [...message.trim().split("\n"), ...stack.trim().split("\n").slice(0, 12)].filter((l) => l.trim());
  for (const text of detail) console.log(`    ${text.trim()}`);
}
if (results.length === 0) console.log("No test ran.");
const total = tally(results);
console.log(line(total));
process.exit(total.failed > 0 || results.length === 0 ? 1 : 0);
