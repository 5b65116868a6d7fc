import fc from "fast-check";
import { Dec, computeProject, resolvePolicy, approvalPathKind, BUILT_IN_POLICIES, Policy } from "../../src/engine";
import { DEFAULT_POLICY, project, s2 } from "./helpers";

function funding(p: Parameters<typeof project>[0], policy: Policy = DEFAULT_POLICY) {
  const r = computeProject(project(p), policy);
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join("; "));
  return r.value;
}

function policyWith(keys: Record<string, unknown>): Policy {
  const r = resolvePolicy({ base: "default", ...keys });
  if (!r.ok) throw new Error(r.errors[0].en);
  return r.value;
}

describe("project funding (spec §3, 000 §五(二)1)", () => {
  it("reproduces the spec's worked example to the fen", () => {
    const f = funding({ basic: 2_000_000, improvement: 1_000_000, enhancement: 500_000, area: 8000, social: 100_000 });
    expect(s2(f.totalInvestment)).toBe("3500000.00");
    expect(s2(f.residentBase)).toBe("850000.00");
    expect(s2(f.uncappedSubsidy)).toBe("2550000.00");
    expect(s2(f.subsidyCap!)).toBe("2400000.00");
    expect(s2(f.fiscalSubsidy)).toBe("2400000.00");
    expect(s2(f.capExcess)).toBe("150000.00");
    expect(s2(f.residentTotal)).toBe("1000000.00");
    expect([f.residentByTier.basic, f.residentByTier.improvement, f.residentByTier.enhancement].map(s2)).toEqual(["301886.79", "339622.64", "358490.57"]);
    expect(s2(f.fiscalPerSqm)).toBe("300.00");
    expect(f.approvalPath).toBe("merge3");
  });

  it("hand-check 1: below the cap the subsidy is paid in full and R splits as the tier bases", () => {
    // T = 100000 + 50000 + 20000 = 170000; R0 = 10000 + 15000 + 14000 = 39000; F0 = 170000 − 39000 − 0 = 131000
    // cap = 300 × 2000 = 600000 > F0 → F = 131000, X = 0, R = 39000; F/m² = 131000 / 2000 = 65.50
    const f = funding({ basic: 100_000, improvement: 50_000, enhancement: 20_000, area: 2000 });
    expect([f.totalInvestment, f.residentBase, f.fiscalSubsidy, f.capExcess, f.residentTotal, f.fiscalPerSqm].map(s2)).toEqual([
      "170000.00",
      "39000.00",
      "131000.00",
      "0.00",
      "39000.00",
      "65.50",
    ]);
    expect([f.residentByTier.basic, f.residentByTier.improvement, f.residentByTier.enhancement].map(s2)).toEqual(["10000.00", "15000.00", "14000.00"]);
  });

  it("hand-check 2: R0 rounds half up and the excess fen go to the largest remainders", () => {
    // R0 = round(0.1×333.33 + 0.3×0.05 + 0.7×0.01) = round(33.333 + 0.015 + 0.007) = round(33.355) = 33.36
    // T = 333.39; F0 = 333.39 − 33.36 = 300.03; cap = floor(300 × 1) = 300.00 → F = 300.00, X = 0.03, R = 33.39
    // D = 333.33×0.9 + 0.05×0.7 + 0.01×0.3 = 300.035; weights rk·Ck + X·Ck(1−rk)/D:
    //   33.333 + 0.03×299.997/300.035 = 33.3629962…, 0.015 + 0.03×0.035/300.035 = 0.0150035…, 0.007 + 0.03×0.003/300.035 = 0.0070003…
    // exact fen shares of 3339: 3336.799…, 1.5005…, 0.7001… → floors 3336, 1, 0 (2 fen left) → +1 to .799 and .700
    const f = funding({ basic: "333.33", improvement: "0.05", enhancement: "0.01", area: 1 });
    expect(s2(f.residentBase)).toBe("33.36");
    expect(s2(f.fiscalSubsidy)).toBe("300.00");
    expect(s2(f.capExcess)).toBe("0.03");
    expect([f.residentByTier.basic, f.residentByTier.improvement, f.residentByTier.enhancement].map(s2)).toEqual(["33.37", "0.01", "0.01"]);
  });

  it("hand-check 3: the cap is floored to the fen (300 × 33.333 m² = 9999.90)", () => {
    // T = 100000; R0 = 10000; F0 = 90000; cap = floor(300 × 33.333) = 9999.90; F = 9999.90; X = 80000.10; R = 90000.10
    // F/m² = round(9999.90 / 33.333) = round(299.99999…) = 300.00
    const f = funding({ basic: 100_000, area: "33.333" });
    expect([f.subsidyCap!, f.fiscalSubsidy, f.capExcess, f.residentTotal, f.fiscalPerSqm].map(s2)).toEqual([
      "9999.90",
      "9999.90",
      "80000.10",
      "90000.10",
      "300.00",
    ]);
    expect(s2(f.residentByTier.basic)).toBe("90000.10");
  });

  it("hand-check 4: with no cap (cap.perSqm blank) F = F0 and elevators stay outside T", () => {
    // T = 1000000 (elevator 500000 excluded, 000 §五(二)1); R0 = 300000; F0 = 1000000 − 300000 − 50000 = 650000; no cap → F = 650000
    const f = funding({ improvement: 1_000_000, area: 100, social: 50_000, elevator: 500_000 }, policyWith({ "cap.perSqm": "" }));
    expect(f.subsidyCap).toBeNull();
    expect([f.totalInvestment, f.fiscalSubsidy, f.capExcess, f.elevatorCost, f.fiscalPerSqm].map(s2)).toEqual([
      "1000000.00",
      "650000.00",
      "0.00",
      "500000.00",
      "6500.00",
    ]);
  });

  it("hand-check 5: social capital equal to what is left gives F = 0; one fen more is an error naming project.socialCapital", () => {
    // T = 100000; R0 = 10000; T − R0 = 90000
    const f = funding({ basic: 100_000, area: 100, social: 90_000 });
    expect(s2(f.fiscalSubsidy)).toBe("0.00");
    expect(s2(f.residentTotal)).toBe("10000.00");
    const bad = computeProject(project({ basic: 100_000, area: 100, social: "90000.01" }), DEFAULT_POLICY);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[0].path).toEqual(["project", "socialCapital"]);
      expect(bad.errors[0].zh).toContain("90000.01");
      expect(bad.errors[0].zh).toContain("90000.00");
    }
  });

  it("hand-check 6: yueqing-2023 uses the same rates and cap", () => {
    const f = funding({ basic: 2_000_000, improvement: 1_000_000, enhancement: 500_000, area: 8000, social: 100_000 }, BUILT_IN_POLICIES["yueqing-2023"]);
    expect(s2(f.fiscalSubsidy)).toBe("2400000.00");
    expect(s2(f.residentTotal)).toBe("1000000.00");
  });

  it.each([
    ["10000000", "merge3"],
    ["10000000.01", "merge2"],
    ["20000000", "merge2"],
    ["20000000.01", "separate"],
    ["0", "merge3"],
  ])("approval path for T = %s 元 (000 §四(四), 以下 includes the number)", (t, want) => {
    expect(approvalPathKind(new Dec(t), DEFAULT_POLICY)).toBe(want);
  });

  it("approval thresholds follow the policy", () => {
    const r = resolvePolicy({ "approval.merge3.max": 5_000_000 });
    expect(r.ok && approvalPathKind(new Dec("5000000.01"), r.value)).toBe("merge2");
  });
});

const money = fc.integer({ min: 0, max: 5_000_000_00 }).map((fen) => (fen / 100).toFixed(2));
const rate = fc.integer({ min: 0, max: 100 }).map((p) => (p / 100).toFixed(2));
const projectArb = fc.record({
  basic: money,
  improvement: money,
  enhancement: money,
  area: fc.integer({ min: 1, max: 5_000_000 }).map((x) => (x / 100).toFixed(2)),
  socialShare: fc.integer({ min: 0, max: 100 }),
  rb: rate,
  ri: rate,
  re: rate,
  cap: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
});

describe("project funding invariants (property tests)", () => {
  it("R + S + F = T to the fen, tiers sum to R, F ≤ cap and 0 ≤ X", () => {
    fc.assert(
      fc.property(projectArb, (a) => {
        const policy = policyWith({
          "tier.basic.rate": Number(a.rb),
          "tier.improvement.rate": Number(a.ri),
          "tier.enhancement.rate": Number(a.re),
          "cap.perSqm": a.cap ?? null,
        });
        const T = new Dec(a.basic).plus(a.improvement).plus(a.enhancement);
        const R0 = policy.tierRates.basic
          .times(a.basic)
          .plus(policy.tierRates.improvement.times(a.improvement))
          .plus(policy.tierRates.enhancement.times(a.enhancement))
          .toDecimalPlaces(2);
        const social = T.minus(R0).times(a.socialShare).dividedBy(100).toDecimalPlaces(2, 1);
        const f = funding({ ...a, social: social.toFixed(2) }, policy);
        expect(f.residentTotal.plus(f.socialCapital).plus(f.fiscalSubsidy).equals(f.totalInvestment)).toBe(true);
        const tiers = f.residentByTier.basic.plus(f.residentByTier.improvement).plus(f.residentByTier.enhancement);
        expect(tiers.equals(f.residentTotal)).toBe(true);
        expect(f.capExcess.isNegative()).toBe(false);
        if (f.subsidyCap !== null) expect(f.fiscalSubsidy.lessThanOrEqualTo(f.subsidyCap)).toBe(true);
        expect(f.fiscalSubsidy.decimalPlaces()).toBeLessThanOrEqual(2);
        for (const t of ["basic", "improvement", "enhancement"] as const) expect(f.residentByTier[t].isNegative()).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("raising the cap never lowers F", () => {
    fc.assert(
      fc.property(projectArb, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, c1, dc) => {
        const low = funding(a, policyWith({ "cap.perSqm": c1 }));
        const high = funding(a, policyWith({ "cap.perSqm": c1 + dc }));
        const none = funding(a, policyWith({ "cap.perSqm": null }));
        expect(high.fiscalSubsidy.greaterThanOrEqualTo(low.fiscalSubsidy)).toBe(true);
        expect(none.fiscalSubsidy.greaterThanOrEqualTo(high.fiscalSubsidy)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
