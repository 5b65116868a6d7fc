import fc from "fast-check";
import {
  Dec,
  roundFen,
  calculate,
  computeHouseholds,
  validateInput,
  HouseholdRow,
  parseStatuses,
  reliefRate,
  resolvePolicy,
  settlementStatus,
  Policy,
} from "../../src/engine";
import { DEFAULT_POLICY } from "./helpers";

/** R by tier 1000 / 3000 / 7000: Cb = Ci = Ce = 10000, A = 10000 (cap 3,000,000 does not bind), S = 0. */
const PROJECT = { area: 10000, costs: { basic: 10000, improvement: 10000, enhancement: 10000 } };

function run(households: unknown[], policy?: unknown) {
  const r = calculate({ policy, project: PROJECT, households });
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join("; "));
  return r.value;
}

describe("households: allocation, relief, grant, settlement (spec §4, 003 附件3 二)", () => {
  it("hand-check: shares by area, highest relief rate, grant capped by what is left, balances", () => {
    // areas 50 / 30 / 20 of 100 → basic 500/300/200, improvement 1500/900/600, enhancement 3500/2100/1400
    // H1 低保户 + 特困供养人员 → 100% (就高不就低) of 1500 + 3500 = 5000; net 5500 − 5000 = 500; paid 600 → −100 (退还)
    // H2 困难计生家庭 + 生活困难职工 → 70% × (900 + 2100) = 2100; grant min(1000, 3300 − 2100) = 1000; net 200; paid 200 → 0
    // H3 生活困难职工 → relief 0; grant min(1000, 2200) = 1000; net 1200; paid 0 → 1200 (补缴)
    // collection = (min(600,500) + 200 + 0) / (500 + 200 + 1200) = 700 / 1900
    const r = run([
      { id: "1-101", area: 50, status: "低保户、特困供养人员", paid: 600 },
      { id: "1-102", area: 30, status: "困难计生家庭 生活困难职工", paid: 200 },
      { id: "1-103", area: 20, status: "生活困难职工" },
    ]);
    const h = r.households!;
    expect(h.map((x) => [x.byTier.basic, x.byTier.improvement, x.byTier.enhancement])).toEqual([
      [50000, 150000, 350000],
      [30000, 90000, 210000],
      [20000, 60000, 140000],
    ]);
    expect(h.map((x) => x.reliefRate.toString())).toEqual(["1", "0.7", "0"]);
    expect(h.map((x) => [x.gross, x.relief, x.grant, x.net, x.paid, x.balance])).toEqual([
      [550000, 500000, 0, 50000, 60000, -10000],
      [330000, 210000, 100000, 20000, 20000, 0],
      [220000, 0, 100000, 120000, 0, 120000],
    ]);
    expect(h.map((x) => settlementStatus(x.balance))).toEqual(["退还", "已结清", "补缴"]);
    const t = r.totals!;
    expect([t.gross, t.relief, t.grant, t.net, t.paid, t.balance, t.collected]).toEqual([1100000, 710000, 200000, 190000, 80000, 110000, 70000]);
    expect(t.collectionRate.equals(new Dec(700).dividedBy(1900))).toBe(true);
    expect(t.fullyCollected).toBe(false);
  });

  it("rounds relief half up on the relief tiers only (70% of 0.15 = 0.105 → 0.11)", () => {
    // one household takes everything: improvement 3000? use a tiny project: Ci = 0.50 → R0 = 0.15 (improvement only)
    const r = calculate({ project: { area: 1000, costs: { improvement: 0.5 } }, households: [{ id: "A", area: 1, status: "低保" }] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.households![0].gross).toBe(15);
      expect(r.value.households![0].relief).toBe(11);
      expect(r.value.households![0].net).toBe(4);
    }
  });

  it("uses an explicit weight instead of the area and relief tiers from the policy", () => {
    // weights 1 and 3 (areas ignored): basic 250/750, improvement 750/2250, enhancement 1750/5250
    // relief.tiers = enhancement only → H1 特困 relief = 1750
    const r = run(
      [
        { id: "A", area: 99, weight: 1, status: "特困" },
        { id: "B", area: 1, weight: 3 },
      ],
      { base: "default", "relief.tiers": "提升类" },
    );
    expect(r.households!.map((x) => x.gross)).toEqual([275000, 825000]);
    expect(r.households![0].relief).toBe(175000);
  });

  it("yueqing-2023 gives no relief and no grant", () => {
    const r = run([{ id: "A", area: 1, status: "特困供养人员 生活困难职工" }], "yueqing-2023");
    expect([r.households![0].relief, r.households![0].grant, r.households![0].net]).toEqual([0, 0, 1100000]);
  });

  it("flags 自筹资金已全部到位 when every household has paid its net (over-payment does not hide arrears)", () => {
    const full = run([
      { id: "A", area: 1, paid: 5500 },
      { id: "B", area: 1, paid: 5500 },
    ]);
    expect(full.totals!.fullyCollected).toBe(true);
    expect(full.totals!.collectionRate.toNumber()).toBe(1);
    const mixed = run([
      { id: "A", area: 1, paid: 11000 },
      { id: "B", area: 1, paid: 0 },
    ]);
    expect(mixed.totals!.collectionRate.toNumber()).toBe(0.5);
    expect(mixed.totals!.fullyCollected).toBe(false);
  });

  it.each([
    ["", []],
    ["低保户、特困供养人员", ["low-income", "specially-supported"]],
    ["困难计生户,贫困残疾人家庭；生活困难职工", ["family-planning-hardship", "poor-disabled", "hardship-worker"]],
    ["特困人员 / 低保", ["specially-supported", "low-income"]],
    ["  低保户　", ["low-income"]],
  ])("parses the status cell %p", (text, keys) => {
    const r = parseStatuses(text, ["s"]);
    expect(r.ok && r.value).toEqual(keys);
  });

  it("names an unknown status label and lists the accepted ones", () => {
    const r = parseStatuses("低保户、五保户", ["households", 2, "status"]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].path).toEqual(["households", 2, "status"]);
      expect(r.errors[0].zh).toContain("五保户");
      expect(r.errors[0].zh).toContain("特困供养人员");
      expect(r.errors[0].zh).toContain("贫困残疾人户");
    }
  });

  it("takes the highest overlapping rate", () => {
    const keys = parseStatuses("低保 特困", []);
    expect(keys.ok && reliefRate(keys.value, DEFAULT_POLICY).toString()).toBe("1");
  });
});

const STATUSES = ["", "", "", "", "低保户", "特困供养人员", "困难计生户", "贫困残疾人户", "生活困难职工", "低保户、生活困难职工", "特困 低保"];
const householdArb = fc.record({
  area: fc.integer({ min: 1, max: 30000 }).map((x) => x / 100),
  status: fc.constantFrom(...STATUSES),
  paid: fc.integer({ min: 0, max: 5_000_000 }).map((x) => x / 100),
});
const tableArb = fc.array(householdArb, { minLength: 1, maxLength: 80 });
const costArb = fc.integer({ min: 0, max: 300_000_000 }).map((x) => x / 100);

function policyOf(spec: unknown): Policy {
  const r = resolvePolicy(spec);
  if (!r.ok) throw new Error("bad policy");
  return r.value;
}

describe("household invariants (property tests)", () => {
  it("shares sum to each tier exactly; relief ≤ relief-tier shares; 0 ≤ net ≤ gross; totals add up", () => {
    fc.assert(
      fc.property(
        tableArb,
        costArb,
        costArb,
        costArb,
        fc.integer({ min: 100, max: 100000 }),
        fc.integer({ min: 0, max: 2000 }),
        (rows, b, i, e, area, grant) => {
          const r = calculate({
            policy: { base: "default", "grant.hardship-worker": grant },
            project: { area, costs: { basic: b, improvement: i, enhancement: e } },
            households: rows.map((r, k) => ({ id: `H${k}`, ...r })),
          });
          if (!r.ok) throw new Error(r.errors[0].en);
          const res = r.value;
          const hs = res.households!;
          for (const t of ["basic", "improvement", "enhancement"] as const) {
            const s = hs.reduce((a, h) => a + h.byTier[t], 0);
            expect(s).toBe(Number(res.project.residentByTier[t].times(100).toFixed(0)));
          }
          let net = 0;
          for (const h of hs) {
            expect(h.relief).toBeLessThanOrEqual(h.byTier.improvement + h.byTier.enhancement);
            expect(h.net).toBeGreaterThanOrEqual(0);
            expect(h.net).toBeLessThanOrEqual(h.gross);
            expect(h.gross - h.relief - h.grant).toBe(h.net);
            expect(h.balance).toBe(h.net - h.paid);
            expect(h.grant).toBeLessThanOrEqual(grant * 100);
            expect(Number.isInteger(h.relief) && Number.isInteger(h.net)).toBe(true);
            net += h.net;
          }
          expect(res.totals!.net).toBe(net);
          expect(res.totals!.gross).toBe(Number(res.project.residentTotal.times(100).toFixed(0)));
          expect(res.totals!.collectionRate.lessThanOrEqualTo(1)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("relief equals round-half-up(rate × relief-tier shares) computed independently with decimals", () => {
    fc.assert(
      fc.property(tableArb, costArb, costArb, (rows, i, e) => {
        const r = calculate({ project: { area: 1000, costs: { improvement: i, enhancement: e } }, households: rows.map((r, k) => ({ id: `H${k}`, ...r })) });
        if (!r.ok) throw new Error(r.errors[0].en);
        for (const h of r.value.households!) {
          const want = h.reliefRate.times(h.byTier.improvement + h.byTier.enhancement).toDecimalPlaces(0, 4 /* ROUND_HALF_UP */);
          expect(h.relief).toBe(want.toNumber());
        }
      }),
      { numRuns: 150 },
    );
  });

  it("computeHouseholds is the same code path the calculate pipeline uses", () => {
    const v = validateInput({
      project: PROJECT,
      households: [
        { id: "A", area: 2 },
        { id: "B", area: 3 },
      ],
    });
    if (!v.ok) throw new Error();
    const rows = v.value.households as HouseholdRow[];
    const by = { basic: roundFen(1000), improvement: roundFen(3000), enhancement: roundFen(7000) };
    const h = computeHouseholds(rows, by, policyOf("default"));
    expect(h.households.map((x) => x.gross)).toEqual([440000, 660000]);
  });
});

describe("an empty household table", () => {
  it("is treated as none, so no 100% collection is claimed", () => {
    const r = calculate({ project: PROJECT, households: [] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.totals).toBeUndefined();
      expect(r.value.households).toBeUndefined();
    }
  });
});
