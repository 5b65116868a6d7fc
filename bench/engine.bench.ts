/**
 * Engine benchmark (issue: engine): 100,000 households, fixed seed, full calculation (validation,
 * project, allocation, relief, grant, settlement, vote). Median of 5 runs, peak memory, and the
 * plain-number implementation of the same steps measured in the same run, with the ratio.
 */
import { calculate } from "../src/engine";
import { syntheticProject } from "./data";
import { plainCalculate } from "./plain";
import { median, time, report } from "./util";

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
  report("engine", `${n.toLocaleString("en")} households, full calculation: median ${e.toFixed(0)} ms of 5 (target ≤ 1000 ms)`);
  report("engine", `plain-number implementation of the same steps: median ${p.toFixed(0)} ms; ratio engine / plain = ${(e / p).toFixed(2)}× (target ≤ 10×)`);
  report("engine", `peak memory (max RSS so far) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target ≤ 400 MB)`);
}
