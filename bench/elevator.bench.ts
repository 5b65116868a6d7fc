/**
 * Elevator benchmark (issue 13): 200 new elevators over 10,000 households, fixed seed — the full
 * calculation (validation, project, households, vote, then every elevator's subsidy, shares, settlement
 * and vote). Median of 9 runs, against a plain-number implementation of the same steps measured in the
 * same run (bench/plain.ts + bench/plain-elevator.ts), interleaved.
 *
 * Target: engine / plain ≤ 2× (the engine's ratio budget, issue 9 §6).
 */
import { calculate } from "../src/engine";
import { syntheticElevatorProject } from "./data";
import { plainCalculate } from "./plain";
import { plainElevators } from "./plain-elevator";
import { RATIO_LIMIT } from "./engine.bench";
import { check, fmt, median, ms, time, times } from "./util";

export const ELEVATORS = 200;
export const ELEVATOR_HOUSEHOLDS = 10_000;

export async function run(): Promise<void> {
  const raw = syntheticElevatorProject(ELEVATOR_HOUSEHOLDS, ELEVATORS);
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
  }
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const engine: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 9; i++) {
    gc();
    engine.push(time(engineRun));
    gc();
    plain.push(time(plainRun));
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
}
