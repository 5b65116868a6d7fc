/**
 * Elevator benchmark (issue 13): 200 new elevators over 10,000 households, fixed seed — the full
 * calculation (validation, project, households, vote, then every elevator's subsidy, shares, settlement
 * and vote). Median of 7 runs, against a plain-number implementation of the same steps measured in the
 * same run (bench/plain.ts + bench/plain-elevator.ts).
 *
 * Target: engine / plain ≤ 2× (the engine's ratio budget, issue 9 §6).
 */
import { calculate } from "../src/engine";
import { syntheticElevatorProject, syntheticProject } from "./data";
import { plainCalculate } from "./plain";
import { plainElevators } from "./plain-elevator";
import { RATIO_LIMIT } from "./engine.bench";
import { check, fmt, median, ms, report, time, times } from "./util";

export const ELEVATORS = 200;
export const ELEVATOR_HOUSEHOLDS = 10_000;

export async function run(): Promise<void> {
  const raw = syntheticElevatorProject(ELEVATOR_HOUSEHOLDS, ELEVATORS);
  // The same project without elevators (and without the households' elevator members), for the information line.
  const withoutElevators = { ...syntheticProject(ELEVATOR_HOUSEHOLDS), policy: raw.policy };
  const engineRun = () => {
    const r = calculate(raw);
    if (!r.ok) throw new Error(r.errors[0].en);
    if (r.value.elevators?.elevators.length !== ELEVATORS) throw new Error("elevators missing");
  };
  const plainRun = () => {
    plainCalculate(raw);
    plainElevators(raw);
  };
  // warm-up, so the JIT has compiled what it will
  for (let i = 0; i < 3; i++) {
    engineRun();
    plainRun();
    calculate(withoutElevators);
    plainCalculate(withoutElevators);
  }
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const engine: number[] = [];
  const plain: number[] = [];
  const engineBase: number[] = [];
  const plainBase: number[] = [];
  for (let i = 0; i < 7; i++) {
    gc();
    engine.push(time(engineRun));
    gc();
    plain.push(time(plainRun));
    gc();
    engineBase.push(time(() => calculate(withoutElevators)));
    gc();
    plainBase.push(time(() => plainCalculate(withoutElevators)));
  }
  const e = median(engine);
  const p = median(plain);
  check(
    "elevator",
    `ratio engine / plain-number implementation, ${ELEVATORS} elevators over ${ELEVATOR_HOUSEHOLDS.toLocaleString("en")} households, full calculation (same run)`,
    e / p,
    RATIO_LIMIT,
    times,
    `engine ${fmt(e, ms)}, plain ${fmt(p, ms)}`,
  );
  const de = e - median(engineBase);
  const dp = p - median(plainBase);
  report("elevator", `the elevator steps alone (with − without elevators): engine ${fmt(de, ms)}, plain ${fmt(dp, ms)} (information)`);
}
