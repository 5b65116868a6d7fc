/**
 * Every fast path of the engine against its exact twin, each forced on its own (issue: "the exactness
 * fast paths … either delete them or add tests that force each branch"), and the bound that keeps every
 * sum exact.
 */
import fc from "fast-check";
import {
  Dec,
  Fen,
  Ratio,
  X,
  asRatio,
  calculate,
  rateFraction,
  roundRateExactly,
  roundRateInDoubles,
  scaleTexts,
  scaleValues,
  textToFenNumber,
  valueToFen,
  voteSumsExactly,
  voteSumsInDoubles,
  decimalText,
  validateInput,
} from "../../src/engine";

/** round_half_up(fen × rate) by exact rationals: the oracle. */
function oracleRate(fen: number, rate: string): bigint {
  const scale = rate.includes(".") ? rate.length - rate.indexOf(".") - 1 : 0;
  const num = BigInt(rate.replace(".", ""));
  const den = 10n ** BigInt(scale);
  return (2n * BigInt(fen) * num + den) / (2n * den);
}

describe("relief rounding: in doubles and exactly", () => {
  const rates = fc.integer({ min: 0, max: 1000 }).map((p) => (p / 1000).toString());
  it("gives round_half_up(fen × rate) both ways, wherever the double path is allowed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), rates, (fen, rate) => {
        const f = rateFraction(asRatio(new Dec(rate)) as Ratio);
        const want = oracleRate(fen, rate);
        expect(BigInt(roundRateExactly(fen as Fen, f))).toBe(want);
        if (fen <= f.safeUpTo) expect(BigInt(roundRateInDoubles(fen as Fen, f))).toBe(want);
      }),
      { numRuns: 500 },
    );
  });

  it("takes the exact path past the double bound (a rate of 15 digits)", () => {
    const f = rateFraction(asRatio(new Dec("0.123456789012345")));
    expect(f.safeUpTo).toBeLessThan(100_000);
    expect(BigInt(roundRateExactly(99_999_999 as Fen, f))).toBe(oracleRate(99_999_999, "0.123456789012345"));
  });
});

describe("vote sums: in doubles and exactly", () => {
  it("agree for any rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.integer({ min: 1, max: 1_000_000 }), p: fc.boolean(), g: fc.boolean() }), { minLength: 1, maxLength: 50 }),
        (rs) => {
          const rows = rs.map((r) => ({ area: r.a, participated: r.p, agreed: r.p && r.g }));
          const w = scaleValues(rows.map((r) => r.area));
          const d = voteSumsInDoubles(rows, w.nums!);
          const e = voteSumsExactly(rows, w.exact());
          expect([X.text(d.participatingArea), X.text(d.agreeingArea), d.participating, d.agreeing]).toEqual([
            X.text(e.participatingArea),
            X.text(e.agreeingArea),
            e.participating,
            e.agreeing,
          ]);
        },
      ),
    );
  });
});

describe("scaling numbers: without text when they allow it, through text otherwise", () => {
  it("gives the same integers both ways", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 100_000_000 }).map((x) => x / 100),
          { minLength: 1, maxLength: 40 },
        ),
        (xs) => {
          const fast = scaleValues(xs);
          const slow = scaleTexts(xs.map(decimalText));
          expect(fast.scale).toBe(slow.scale);
          expect([...fast.nums!]).toEqual([...slow.nums!]);
          expect(X.text(fast.sum)).toBe(X.text(slow.sum));
        },
      ),
    );
  });

  it("goes through text for a number of many digits (a formula's 45.370000000000005)", () => {
    const noisy = 45.37 + 1e-14; // shows as 45.370000000000005
    expect(String(noisy)).toBe("45.370000000000005");
    const w = scaleValues([noisy, 60]);
    expect(w.scale).toBe(15);
    expect(w.nums).toBeUndefined();
    expect(w.exact().map((x) => X.text(x))).toEqual(["45370000000000005", "60000000000000000"]);
  });

  it("reads money to fen without text when it has ≤ 2 decimals, and exactly through text otherwise", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999_999 }).map((f) => f / 100),
        (x) => {
          expect(valueToFen(x)).toBe(textToFenNumber(decimalText(x)));
        },
      ),
    );
    // 3 decimals: half away from zero through the text.
    expect([valueToFen(1.005), valueToFen(2.675), valueToFen("0.125")]).toEqual([101, 268, 13]);
  });
});

describe("sums stay exact at every size accepted", () => {
  const project = { area: 8000, costs: { basic: 2_000_000, improvement: 1_000_000, enhancement: 500_000 } };
  it("accepts Σ paid up to 1万亿 元 and gives its total to the fen", () => {
    // 10 households paying 99,999,999,999.99 each: Σ = 999,999,999,999.90 ≤ 1万亿.
    const households = Array.from({ length: 10 }, (_, i) => ({ id: String(i), area: 80, paid: 99_999_999_999.99 }));
    const r = calculate({ project, households });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.totals!.paid).toBe(99_999_999_999_990);
  });

  it("refuses Σ paid above 1万亿 元 naming the row where the total passes it (never a wrong sum)", () => {
    const households = Array.from({ length: 20 }, (_, i) => ({ id: String(i), area: 80, paid: 999_999_999_999 }));
    const r = validateInput({ project, households });
    expect(!r.ok && r.errors.map((e) => [e.code, e.path.join(".")])).toEqual([["money.totalTooLarge", "households.1.paid"]]);
    expect(!r.ok && r.errors[0].zh).toBe("已缴金额合计超出可计算范围（不超过1万亿元），从本行起超出");
  });

  it("reads −0 as 0 in every money field (one rule)", () => {
    const r = calculate({ project: { ...project, socialCapital: -0 }, households: [{ id: "1", area: 80, paid: -0 }] });
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.value.project.socialCapital.toFixed(2), r.value.totals!.paid]).toEqual(["0.00", 0]);
  });
});
