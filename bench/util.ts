/**
 * Small helpers shared by the benchmarks: timing, and the lines they print. A figure with a target is
 * printed with `check` — the target and ✓ (met) or ✗ (missed) — and remembered, so that bench/run.ts can
 * list the missed ones at the end and exit 1. A figure without a target is printed with `report`.
 */
import { performance } from "perf_hooks";
import { ensureDist, staleReason } from "../test/functions/ensure-dist";

export function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A line of information (no target). */
export function report(area: string, line: string): void {
  process.stdout.write(`[${area}] ${line}\n`);
}

/** One target's outcome: met, missed, or not measured (e.g. dist/ could not be built). */
export interface Outcome {
  readonly area: string;
  readonly what: string;
  readonly status: "met" | "missed" | "not measured";
  readonly line: string;
}

const outcomes: Outcome[] = [];

/** Every target checked so far in this process, in order. */
export function outcomesSoFar(): readonly Outcome[] {
  return outcomes;
}

/** How a figure is written: a unit and the decimals of a measured value (a target is written without trailing zeros). */
export interface Format {
  readonly unit: string;
  readonly digits: number;
}
export const ms: Format = { unit: " ms", digits: 0 };
export const seconds: Format = { unit: " s", digits: 2 };
export const times: Format = { unit: "×", digits: 2 };
export const mb: Format = { unit: " MB", digits: 0 };
export const kb: Format = { unit: " KB", digits: 1 };

/** A measured value as printed: fmt(412.3, ms) = "412 ms". */
export function fmt(n: number, f: Format): string {
  return `${n.toFixed(f.digits)}${f.unit}`;
}

/**
 * Prints `[area] ✓ what: value (target ≤ limit) — detail` (✗ when value > limit) and remembers it.
 * The value is compared as measured, not as printed.
 * Returns whether the target is met.
 */
export function check(area: string, what: string, value: number, limit: number, format: Format, detail?: string): boolean {
  const met = value <= limit;
  const line = `${met ? "✓" : "✗"} ${what}: ${fmt(value, format)} (target ≤ ${Number(limit.toFixed(format.digits))}${format.unit})${detail === undefined ? "" : ` — ${detail}`}`;
  outcomes.push({ area, what, status: met ? "met" : "missed", line });
  report(area, line);
  return met;
}

/** Prints `[area] – what: not measured (why)` for a target that could not be measured. */
export function notMeasured(area: string, what: string, why: string): void {
  const line = `– ${what}: not measured (${why})`;
  outcomes.push({ area, what, status: "not measured", line });
  report(area, line);
}

/**
 * Makes sure dist/ is a production build of the current sources (rebuilding it when stale, as the dist
 * tests do), so that bundle sizes are those of this code. Returns why it could not, or undefined.
 */
export function ensureDistBuilt(area: string): string | undefined {
  const reason = staleReason();
  if (reason === null) return undefined;
  report(area, `${reason}: building dist/ (webpack --mode production) …`);
  try {
    ensureDist();
    return undefined;
  } catch (e) {
    return `the build failed: ${(e as Error).message.split("\n")[0]}`;
  }
}
