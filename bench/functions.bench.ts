/**
 * Benchmarks of the RENO.* functions: HOUSEHOLDS over 20,000 rows must return in ≤ 0.3 s in Node, worst
 * of 5 after a warm-up (issue 9 §6; issue #4 had 1 s), and the minified functions bundle
 * (dist/functions.js, rebuilt first when stale) must stay ≤ 200 KB (issue #4).
 *
 *   npm run bench            (bench/run.ts runs every bench/*.bench.ts through its `run()`)
 *   npm run bench functions  (this file only)
 */
import fs from "fs";
import path from "path";
import { households } from "../src/functions/functions";
import { check, ensureDistBuilt, fmt, kb, ms, notMeasured } from "./util";

export const HOUSEHOLD_ROWS = 20_000;
export const HOUSEHOLDS_LIMIT_MS = 300;
export const BUNDLE_LIMIT_KB = 200;

/** A stand-in for Excel's CustomFunctions global, so errors can be built outside Excel. */
function installCustomFunctions(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.CustomFunctions !== undefined) return;
  g.CustomFunctions = {
    ErrorCode: { invalidValue: "#VALUE!" },
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    associate: () => undefined,
  };
}

/** The arguments Excel would pass for a 20,000-household project: varied areas, some statuses. */
export function householdArgs(n = HOUSEHOLD_ROWS): unknown[] {
  const labels = ["", "", "", "", "低保户", "特困供养人员、低保户", "生活困难职工", "困难计生户", "", "贫困残疾人户"];
  const areas: number[][] = [];
  const statuses: string[][] = [];
  for (let i = 0; i < n; i++) {
    areas.push([45 + ((i * 37) % 9000) / 100]);
    statuses.push([labels[i % labels.length]]);
  }
  return [areas, statuses, 60_000_000, 30_000_000, 15_000_000, n * 80, 1_000_000, null];
}

/** Prints each figure against its target. */
export async function run(): Promise<void> {
  installCustomFunctions();
  const args = householdArgs();
  const call = () => (households as (...a: unknown[]) => unknown)(...args);
  call(); // warm-up (JIT), as a recalculation after the first would be
  const runs: number[] = [];
  let out: unknown;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    out = call();
    runs.push(performance.now() - t0);
  }
  if (!Array.isArray(out) || out.length !== HOUSEHOLD_ROWS) throw new Error(`HOUSEHOLDS returned ${JSON.stringify(out).slice(0, 200)}`);
  const worst = Math.max(...runs);
  check(
    "functions",
    `RENO.HOUSEHOLDS ${HOUSEHOLD_ROWS.toLocaleString("en")} rows, worst of 5`,
    worst,
    HOUSEHOLDS_LIMIT_MS,
    ms,
    `best ${fmt(Math.min(...runs), ms)}`,
  );

  const what = "dist/functions.js minified";
  const why = ensureDistBuilt("functions");
  if (why !== undefined) notMeasured("functions", what, why);
  else check("functions", what, fs.statSync(path.join(__dirname, "..", "dist", "functions.js")).size / 1024, BUNDLE_LIMIT_KB, kb);
}

if (require.main === module) void run();
