/**
 * Benchmarks of the RENO.* functions (issue #4): HOUSEHOLDS over 20,000 rows must return in ≤ 1 s in
 * Node, and the minified functions bundle (dist/functions.js, `npm run build`) must stay ≤ 200 KB.
 *
 *   npm run bench            (bench/run.ts runs every bench/*.bench.ts through its `run()`)
 *   npm run bench functions  (this file only)
 */
import fs from "fs";
import path from "path";
import { households } from "../src/functions/functions";
import { report } from "./util";

export const HOUSEHOLD_ROWS = 20_000;
export const HOUSEHOLDS_LIMIT_MS = 1_000;
export const BUNDLE_LIMIT_BYTES = 200 * 1024;

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

export interface FunctionsBenchResult {
  readonly householdsMs: number;
  readonly rows: number;
  readonly bundleBytes: number | null;
}

/** Runs the benchmarks; prints a line each; returns the numbers. */
export function runFunctionsBench(log: (line: string) => void = console.log): FunctionsBenchResult {
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
  const ms = Math.max(...runs);
  log(`RENO.HOUSEHOLDS ${HOUSEHOLD_ROWS} rows: worst of 5 ${ms.toFixed(1)} ms, best ${Math.min(...runs).toFixed(1)} ms (limit ${HOUSEHOLDS_LIMIT_MS} ms)`);

  const bundle = path.join(__dirname, "..", "dist", "functions.js");
  let bundleBytes: number | null = null;
  if (fs.existsSync(bundle)) {
    bundleBytes = fs.statSync(bundle).size;
    log(`dist/functions.js: ${(bundleBytes / 1024).toFixed(1)} KB minified (limit ${BUNDLE_LIMIT_BYTES / 1024} KB)`);
  } else {
    log("dist/functions.js: not built (run `npm run build` first)");
  }
  return { householdsMs: ms, rows: HOUSEHOLD_ROWS, bundleBytes };
}

/** Entry point of bench/run.ts: over a limit sets a failing exit code. */
export async function run(): Promise<void> {
  const r = runFunctionsBench((line) => report("functions", line));
  if (r.householdsMs > HOUSEHOLDS_LIMIT_MS || (r.bundleBytes !== null && r.bundleBytes > BUNDLE_LIMIT_BYTES)) {
    report("functions", "OVER THE LIMIT");
    process.exitCode = 1;
  }
}

if (require.main === module) void run();
