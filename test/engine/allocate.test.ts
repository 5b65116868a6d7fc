import fc from "fast-check";
import { Dec, allocate, allocateFen } from "../../src/engine";

/** Oracle: the largest-remainder rule written independently with exact rationals (bigint cross-multiplication). */
function oracle(total: bigint, weights: bigint[]): bigint[] {
  const S = weights.reduce((a, b) => a + b, 0n);
  const exact = weights.map((w, i) => ({ i, floor: (total * w) / S, rem: (total * w) % S }));
  let left = total - exact.reduce((a, e) => a + e.floor, 0n);
  const parts = exact.map((e) => e.floor);
  const byRem = [...exact].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const e of byRem) {
    if (left === 0n) break;
    parts[e.i] += 1n;
    left -= 1n;
  }
  return parts;
}

describe("largest-remainder split (spec §2)", () => {
  it.each([
    // [total fen, weights, expected fen]
    [10, [2, 2, 3], [3, 3, 4]], // 2.857 2.857 4.286 → floors 2 2 4, two fen left to .857 .857 (not dinero's [3,2,5])
    [1, [1, 1], [1, 0]], // tie: the earlier row first
    [2, [1, 1, 1], [1, 1, 0]],
    [100, [1, 1, 1], [34, 33, 33]],
    [0, [5, 7], [0, 0]],
    [7, [0, 1, 0], [0, 7, 0]],
    [101, [50, 50], [51, 50]],
  ])("splits %p fen over %p as %p", (total, weights, want) => {
    expect(allocateFen(total, weights.map(BigInt))).toEqual(want);
  });

  it("splits money over decimal weights to the fen", () => {
    expect(allocate(new Dec("0.10"), [2, 2, 3].map((w) => new Dec(w))).map((m) => m.toFixed(2))).toEqual(["0.03", "0.03", "0.04"]);
    expect(allocate(new Dec("1000.00"), ["88.5", "100", "61.23"].map((w) => new Dec(w))).map((m) => m.toFixed(2))).toEqual([
      // 1000 × 88.5/249.73 = 354.382733…, × 100/249.73 = 400.432467…, × 61.23/249.73 = 245.184799… → .38 .43 .18 + 1 fen to the last
      "354.38",
      "400.43",
      "245.19",
    ]);
  });

  it("refuses to split a positive amount over zero weights", () => {
    expect(() => allocateFen(5, [0n, 0n])).toThrow(RangeError);
  });

  it("preserves the total and matches the independent oracle (safe-integer path)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 }), (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        const weights = ws.map(BigInt);
        const parts = allocateFen(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.map(BigInt)).toEqual(oracle(BigInt(total), weights));
      }),
      { numRuns: 300 },
    );
  });

  it("preserves the total and matches the oracle when products exceed 2^53 (bigint path)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 9_000_000_000_000n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = allocateFen(Number(total), weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(total));
          expect(parts.map(BigInt)).toEqual(oracle(total, weights));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives each part its exact share floored or that plus one fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }), (total, ws) => {
        const S = ws.reduce((a, b) => a + b, 0);
        allocateFen(total, ws.map(BigInt)).forEach((p, i) => {
          const floor = Math.floor((total * ws[i]) / S);
          expect(p === floor || p === floor + 1 || (total * ws[i]) % S === 0).toBe(true);
        });
      }),
    );
  });
});
