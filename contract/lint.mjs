// Lints Parley's OpenAPI document (written by the build to target/openapi) with Spectral (spectral:oas) and Redocly
// (recommended) and fails on any finding, warnings included: Redocly's exit code counts only errors, so its totals
// are read from its JSON report.
import { execFileSync } from "node:child_process";

const spec = process.argv[2] ?? "../target/openapi/openapi.yaml";
const bin = (name) => new URL(`./node_modules/.bin/${name}`, import.meta.url).pathname;

execFileSync(bin("spectral"), ["lint", "--fail-severity=hint", spec], { stdio: "inherit" });

const report = execFileSync(bin("redocly"), ["lint", "--format=json", spec], { encoding: "utf8" });
const totals = JSON.parse(report).totals;
execFileSync(bin("redocly"), ["lint", "--format=stylish", spec], { stdio: "inherit" });
if (totals.errors + totals.warnings > 0) {
  console.error(`Redocly: ${totals.errors} errors, ${totals.warnings} warnings; none are allowed`);
  process.exit(1);
}
console.log("OpenAPI lint: Spectral and Redocly find nothing");
