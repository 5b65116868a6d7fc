import fc from "fast-check";
import {
  Fen,
  ScaledValues,
  allocate,
  allocateFen,
  fitsDoubles,
  givePacked,
  giveSorted,
  integerWeights,
  roundFen,
  splitExactly,
  splitInDoubles,
  Dec,
} from "../../src/engine";

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

const fen = (n: number | bigint) => Number(n) as Fen;

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
    expect(allocateFen(fen(total), weights.map(String))).toEqual(want);
  });

  it("splits money over decimal weights to the fen", () => {
    expect(
      allocate(
        roundFen("0.10"),
        [2, 2, 3].map((w) => new Dec(w)),
      ).map((m) => m.toFixed(2)),
    ).toEqual(["0.03", "0.03", "0.04"]);
    expect(
      allocate(
        roundFen("1000.00"),
        ["88.5", "100", "61.23"].map((w) => new Dec(w)),
      ).map((m) => m.toFixed(2)),
    ).toEqual([
      // 1000 × 88.5/249.73 = 354.382733…, × 100/249.73 = 400.432467…, × 61.23/249.73 = 245.184799… → .38 .43 .18 + 1 fen to the last
      "354.38",
      "400.43",
      "245.19",
    ]);
  });

  it("refuses to split a positive amount over zero weights", () => {
    expect(() => allocateFen(fen(5), ["0", "0"])).toThrow(RangeError);
  });

  it("preserves the total and matches the independent oracle", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 }), (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        const weights = ws.map(BigInt);
        const parts = allocateFen(fen(total), ws.map(String));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.map(BigInt)).toEqual(oracle(BigInt(total), weights));
      }),
      { numRuns: 300 },
    );
  });

  it("gives each part its exact share when that is whole, else the share floored or plus one fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }), (total, ws) => {
        const S = BigInt(ws.reduce((a, b) => a + b, 0));
        allocateFen(fen(total), ws.map(String)).forEach((p, i) => {
          const exact = BigInt(total) * BigInt(ws[i]);
          const floor = exact / S;
          if (exact % S === 0n) expect(BigInt(p)).toBe(floor);
          else expect([floor, floor + 1n]).toContain(BigInt(p));
        });
      }),
    );
  });
});

describe("the two exact ways of splitting, each forced and checked against the oracle", () => {
  // Weights whose S × max(w) is safe: the double path applies, even when T × S is far above 2^53.
  const doubleCase = fc.tuple(
    fc.bigInt({ min: 0n, max: 9_000_000_000_000n }),
    fc.array(fc.bigInt({ min: 0n, max: 9_000_000n }), { minLength: 1, maxLength: 40 }),
  );

  it("splitInDoubles equals the oracle whenever fitsDoubles holds (including T·S > 2^53)", () => {
    fc.assert(
      fc.property(doubleCase, ([total, weights]) => {
        fc.pre(weights.some((w) => w > 0n));
        const w = integerWeights(weights.map(String));
        expect(fitsDoubles(w)).toBe(true);
        expect(splitInDoubles(fen(total), w).map(BigInt)).toEqual(oracle(total, weights));
      }),
      { numRuns: 300 },
    );
  });

  it("splitExactly equals the oracle for any size, and allocateFen equals it on every path", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 9_000_000_000_000n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 2, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const w = integerWeights(weights.map(String));
          expect(splitExactly(fen(total), w).map(BigInt)).toEqual(oracle(total, weights));
          expect(allocateFen(fen(total), weights.map(String)).map(BigInt)).toEqual(oracle(total, weights));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("chooses the path by S × max(w): doubles up to 2^53 − 1, exact integers above", () => {
    // S × max = 94,906,267 × 94,906,266 = 9,007,199,420,969,022 > 2^53 − 1 = 9,007,199,254,740,991
    expect(fitsDoubles(integerWeights(["94906266", "1"]))).toBe(false);
    // S × max = 94,906,266 × 94,906,265 = 9,007,199,231,156,490 ≤ 2^53 − 1
    expect(fitsDoubles(integerWeights(["94906265", "1"]))).toBe(true);
    // Weights whose sum passes 2^53 have no double form at all.
    expect(integerWeights([String(2n ** 53n), "1"]).nums).toBeUndefined();
  });

  it("hands leftover fen the same way by packed keys and by a comparison sort (ties to the earlier row)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), fc.nat(), (rems, l) => {
        const n = rems.length;
        const left = l % n;
        const rem = Float64Array.from(rems);
        const a = givePacked(new Array<number>(n).fill(0), left, rem);
        const b = giveSorted(new Array<number>(n).fill(0), left, rem);
        expect(a).toEqual(b);
        // Oracle: the `left` rows with the largest remainders, earlier rows first on ties.
        const order = rems
          .map((r, i) => ({ r, i }))
          .sort((x, y) => y.r - x.r || x.i - y.i)
          .slice(0, left)
          .map((x) => x.i);
        expect(a).toEqual(rems.map((_, i) => (order.includes(i) ? 1 : 0)));
      }),
    );
  });

  it("splits in doubles with leftovers by comparison sort when S × n passes 2^53 (many rows), as the exact split does", () => {
    // n = 400,000 weights of 60,000–60,999: S ≈ 2.4 × 10^10, so S × max ≈ 1.5 × 10^15 (doubles apply)
    // while S × n ≈ 9.6 × 10^15 > 2^53 (no packed keys).
    const n = 400_000;
    const weights = Array.from({ length: n }, (_, i) => String(60_000 + ((i * 7919) % 1000)));
    const w: ScaledValues = integerWeights(weights);
    expect(fitsDoubles(w)).toBe(true);
    expect(Number(w.sum) * n).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    const total = fen(987_654_321_987);
    const viaDoubles = allocateFen(total, weights);
    expect(viaDoubles).toEqual(splitExactly(total, w));
    expect(viaDoubles.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
