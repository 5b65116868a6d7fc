/**
 * RENO.HOUSEHOLDS over the benchmark's 20,000 rows (bench/functions.bench.ts) returns one row per household
 * and splits R exactly. How long it takes is a target of `npm run bench`, not of the tests.
 */
import { installCustomFunctionsStub } from "./custom-functions-stub";
import { households } from "../../src/functions/functions";
import { HOUSEHOLD_ROWS, householdArgs } from "../../bench/functions.bench";

installCustomFunctionsStub();

it(`RENO.HOUSEHOLDS returns ${HOUSEHOLD_ROWS} rows whose gross shares add up to R to the fen`, () => {
  const out = (households as (...a: unknown[]) => unknown)(...householdArgs()) as number[][];
  expect(out).toHaveLength(HOUSEHOLD_ROWS);
  // Gross shares add up to R to the fen: 60M·0.1 + 30M·0.3 + 15M·0.7 = 25.5M; F0 = 105M − 25.5M − 1M = 78.5M
  // against a cap of 300 × 1.6M m² = 480M, so X = 0 and R = R0.
  expect(out.reduce((s, row) => s + Math.round(row[0] * 100), 0)).toBe(2_550_000_000);
});
