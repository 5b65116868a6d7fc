/**
 * `npm run bench [name …]`: runs every bench/*.bench.ts (engine first), each exporting `run()`, or only
 * those whose file name starts with a given name (`npm run bench cli functions`).
 *
 * A figure with a target is printed with it and ✓ (met) or ✗ (missed); ratios are measured in the same
 * run. The exit status is 1 when any target is missed, so a script can gate on it; the tests assert no
 * wall-clock time.
 */
import * as fs from "fs";
import * as path from "path";
import { outcomesSoFar } from "./util";

const HEADER = `npm run bench — each target is printed with ✓ (met) or ✗ (missed); ratios are measured in the same run.
Exit status 1 when any target is missed (✗), else 0. Lines without a target are information.
`;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort((a, b) => (a === "engine.bench.ts" ? -1 : b === "engine.bench.ts" ? 1 : a.localeCompare(b)))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
  if (files.length === 0) throw new Error(`no benchmark matches ${only.join(" ")}`);
  process.stdout.write(HEADER);
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { run: () => Promise<void> };
    await mod.run();
  }
  const all = outcomesSoFar();
  const missed = all.filter((o) => o.status === "missed");
  const unmeasured = all.filter((o) => o.status === "not measured");
  process.stdout.write(
    `\ntargets: ${all.length - missed.length - unmeasured.length} met ✓, ${missed.length} missed ✗${unmeasured.length > 0 ? `, ${unmeasured.length} not measured` : ""}\n`,
  );
  for (const o of missed) process.stdout.write(`  [${o.area}] ${o.line}\n`);
  if (missed.length > 0) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
