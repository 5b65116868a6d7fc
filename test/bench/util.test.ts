/** The benchmark lines: a target is printed with ✓ when met and ✗ when missed, and remembered for the exit status. */
import { check, kb, ms, notMeasured, outcomesSoFar, times } from "../../bench/util";

function printed(f: () => void): string {
  let out = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  try {
    f();
  } finally {
    o.mockRestore();
  }
  return out;
}

it("prints the value, the target and ✓ or ✗, comparing the value as measured", () => {
  expect(printed(() => expect(check("cli", "start-up", 65.4, 300, ms, "reno 191 ms")).toBe(true))).toBe(
    "[cli] ✓ start-up: 65 ms (target ≤ 300 ms) — reno 191 ms\n",
  );
  expect(printed(() => expect(check("engine", "ratio", 3.1, 2, times)).toBe(false))).toBe("[engine] ✗ ratio: 3.10× (target ≤ 2×)\n");
  // 2.004 prints as 2.00× but is over 2×: missed.
  expect(printed(() => expect(check("engine", "ratio", 2.004, 2, times)).toBe(false))).toBe("[engine] ✗ ratio: 2.00× (target ≤ 2×)\n");
  expect(printed(() => expect(check("functions", "bundle", 200, 200, kb)).toBe(true))).toBe("[functions] ✓ bundle: 200.0 KB (target ≤ 200 KB)\n");
  expect(printed(() => notMeasured("functions", "bundle", "no build"))).toBe("[functions] – bundle: not measured (no build)\n");
  expect(outcomesSoFar().map((o) => o.status)).toEqual(["met", "missed", "missed", "met", "not measured"]);
});
