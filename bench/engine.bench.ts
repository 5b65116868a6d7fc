/**
 * Engine benchmark (issue: engine; issue 9 §6): 100,000 households, fixed seed, full calculation
 * (validation, project, allocation, relief, grant, settlement, vote). Median of 5 runs, peak memory, and
 * the plain-number implementation of the same steps measured in the same run, with the ratio.
 *
 * Targets: median ≤ 1000 ms; engine / plain ≤ 2× (issue 9 §6, same run); peak RSS ≤ 400 MB.
 */
import { calculate } from "../src/engine";
import { syntheticProject } from "./data";
import { plainCalculate } from "./plain";
import { check, fmt, mb, median, ms, time, times } from "./util";

export const ENGINE_LIMIT_MS = 1_000;
export const RATIO_LIMIT = 2;
export const RSS_LIMIT_MB = 400;

export async function run(): Promise<void> {
  const n = 100_000;
  const raw = syntheticProject(n);
  // warm-up both so the JIT has compiled what it will
  calculate(raw);
  plainCalculate(raw);
  const engine: number[] = [];
  const plain: number[] = [];
  // Collect between runs (node --expose-gc) so that peak memory is one run's, not garbage V8 has not
  // yet had a reason to reclaim; timings exclude the collection.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (let i = 0; i < 5; i++) {
    gc();
    engine.push(
      time(() => {
        const r = calculate(raw);
        if (!r.ok) throw new Error(r.errors[0].en);
      }),
    );
    gc();
    plain.push(time(() => plainCalculate(raw)));
  }
  const e = median(engine);
  const p = median(plain);
  check("engine", `${n.toLocaleString("en")} households, full calculation, median of 5`, e, ENGINE_LIMIT_MS, ms);
  check(
    "engine",
    "ratio engine / plain-number implementation of the same steps (same run)",
    e / p,
    RATIO_LIMIT,
    times,
    `engine ${fmt(e, ms)}, plain ${fmt(p, ms)}`,
  );
  check("engine", "peak memory (max RSS so far)", process.resourceUsage().maxRSS / 1024, RSS_LIMIT_MB, mb);
}
