/**
 * `npm run bench`: runs every bench/*.bench.ts (engine first), each exporting `run()`.
 * Ratios are measured in the same run; no absolute time is asserted by tests.
 */
import * as fs from "fs";
import * as path from "path";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort((a, b) => (a === "engine.bench.ts" ? -1 : b === "engine.bench.ts" ? 1 : a.localeCompare(b)))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
