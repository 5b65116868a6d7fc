/** Shared test builders for the engine tests. */
import { Dec, Policy, ProjectInput, BUILT_IN_POLICIES, roundFen } from "../../src/engine";

export const DEFAULT_POLICY: Policy = BUILT_IN_POLICIES.default;

/** A project input from plain numbers (money rounded to the fen as the readers do). */
export function project(p: {
  area: number | string;
  basic?: number | string;
  improvement?: number | string;
  enhancement?: number | string;
  social?: number | string;
  elevator?: number | string;
}): ProjectInput {
  return {
    area: new Dec(p.area),
    costs: { basic: roundFen(p.basic ?? 0), improvement: roundFen(p.improvement ?? 0), enhancement: roundFen(p.enhancement ?? 0) },
    socialCapital: roundFen(p.social ?? 0),
    elevatorCost: roundFen(p.elevator ?? 0),
  };
}

/** Money as the two-decimal text tests compare against the spec. */
export const s2 = (d: { toFixed(n: number): string }) => d.toFixed(2);
