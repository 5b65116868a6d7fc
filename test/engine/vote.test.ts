import fc from "fast-check";
import { calculate, tallyVote } from "../../src/engine";

const row = (area: string, participated: boolean, agreed = false) => ({ area, participated, agreed });

describe("resident vote (spec §5, 000 §三(一)(三))", () => {
  it("passes at exactly two thirds and three quarters (以上 includes the number)", () => {
    // participating area 40/60 = 2/3, households 4/6 = 2/3; agreeing 30/40 = 3/4, households 3/4
    const v = tallyVote([row("10", true, true), row("10", true, true), row("10", true, true), row("10", true), row("10", false), row("10", false)]);
    expect(v.participationPassed).toBe(true);
    expect(v.approvalPassed).toBe(true);
    expect(v.participationAreaRatio).toBeCloseTo(2 / 3, 15);
    expect(v.approvalCountRatio).toBe(0.75);
  });

  it("fails one hundredth of a square metre below two thirds (3 × 40 = 120 < 2 × 60.01)", () => {
    const v = tallyVote([row("10", true, true), row("10", true, true), row("10", true, true), row("10", true), row("10", false), row("10.01", false)]);
    expect(v.participationPassed).toBe(false);
    expect(v.approvalPassed).toBe(false);
  });

  it("needs both area and head count (双三分之二): a large flat alone does not carry the vote", () => {
    // area 60/90 = 2/3 passes, households 1/2 fails
    const v = tallyVote([row("60", true, true), row("30", false)]);
    expect(v.participationAreaRatio).toBeCloseTo(2 / 3, 15);
    expect(v.participationCountRatio).toBe(0.5);
    expect(v.participationPassed).toBe(false);
  });

  it("approval needs participation to pass first", () => {
    const v = tallyVote([row("10", true, true), row("10", false), row("10", false)]);
    expect(v.approvalAreaRatio).toBe(1);
    expect(v.approvalPassed).toBe(false);
  });

  it("uses the exclusive area where given, and yes/no texts of §5", () => {
    // by exclusive area: participating 80 of 80 + 10 = 90 → 8/9 ≥ 2/3; agreeing 80/80
    const r = calculate({
      project: { area: 1000, costs: { basic: 1000 } },
      households: [
        { id: "A", area: 100, exclusiveArea: 80, participated: "是", agreed: "同意" },
        { id: "B", area: 100, exclusiveArea: 10, participated: "√", agreed: "×" },
        { id: "C", area: 50, exclusiveArea: 5, participated: "否" },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const v = r.value.vote!;
      expect(v.participationAreaRatio).toBeCloseTo(90 / 95, 15);
      expect(v.participationCountRatio).toBeCloseTo(2 / 3, 15);
      expect(v.approvalAreaRatio).toBeCloseTo(80 / 90, 15);
      expect(v.approvalCountRatio).toBe(0.5);
      expect(v.participationPassed).toBe(true);
      expect(v.approvalPassed).toBe(false);
    }
  });

  it("reports no vote when nobody's participation is given", () => {
    const r = calculate({ project: { area: 1000, costs: { basic: 1000 } }, households: [{ id: "A", area: 1 }] });
    expect(r.ok && r.value.vote).toBeUndefined();
  });

  it("equals exact rational comparisons on random tables", () => {
    const rowArb = fc.record({ cents: fc.integer({ min: 1, max: 20000 }), p: fc.boolean(), a: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), (rows) => {
        const rs = rows.map((r) => row((r.cents / 100).toFixed(2), r.p, r.p && r.a));
        const v = tallyVote(rs);
        // independent oracle in integer cents
        const total = rows.reduce((s, r) => s + r.cents, 0);
        const part = rows.filter((r) => r.p).reduce((s, r) => s + r.cents, 0);
        const agree = rows.filter((r) => r.p && r.a).reduce((s, r) => s + r.cents, 0);
        const n = rows.length;
        const np = rows.filter((r) => r.p).length;
        const na = rows.filter((r) => r.p && r.a).length;
        const pass = 3 * part >= 2 * total && 3 * np >= 2 * n;
        expect(v.participationPassed).toBe(pass);
        expect(v.approvalPassed).toBe(pass && 4 * agree >= 3 * part && 4 * na >= 3 * np);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the vote's fast path (area sums up to 2^50 in doubles) agrees with the exact one", () => {
  it("gives the same results for the same areas scaled past 2^53 (ratios do not change with the unit of area)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ area: fc.integer({ min: 1, max: 20000 }), p: fc.boolean(), a: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        (hs) => {
          const rows = hs.map((h) => ({ area: h.area / 100, participated: h.p, agreed: h.p && h.a }));
          // × 10^16 as text: every area passes 2^53, so the exact branch decides
          const big = hs.map((h) => ({ area: `${h.area}00000000000000`, participated: h.p, agreed: h.p && h.a }));
          const a = tallyVote(rows);
          const b = tallyVote(big);
          const { detail: da, ...ra } = a;
          const { detail: db, ...rb } = b;
          return (
            JSON.stringify(ra) === JSON.stringify(rb) &&
            da.totalArea.times(1e16).equals(db.totalArea) &&
            da.participatingArea.times(1e16).equals(db.participatingArea) &&
            da.agreeingArea.times(1e16).equals(db.agreeingArea)
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
