import fc from "fast-check";
import {
  BUILT_IN_POLICIES,
  CalcResult,
  ElevatorPolicy,
  HouseholdRow,
  Fen,
  Policy,
  calculate,
  computeElevators,
  elevatorSubsidy,
  elevatorWeightsExactly,
  elevatorWeightsInDoubles,
  elevatorWeightText,
  floorCoefficient,
  formatPath,
  resolvePolicy,
  roundFen,
  subsidyFormula,
  subsidyRuleText,
  toOutputJson,
} from "../../src/engine";

/** The worked example's policy (elevator-rules.md §8): rate 0.4, cap 280000; coefficients 0,0,0.7,0.8,0.9,1.0; by area. */
const WORKED_POLICY = {
  base: "default",
  "elevator.subsidy.mode": "rate",
  "elevator.subsidy.rate": 0.4,
  "elevator.subsidy.cap": 280000,
  "elevator.floorCoefficients": "0,0,0.7,0.8,0.9,1.0",
};
/** A small project: its T, R, S, F are not the subject here (elevators never change them). */
const PROJECT = { area: 1000, costs: { basic: 100000 } };

/** Twelve households of 80 m², two per floor, floors 1–6, unit 1幢1单元 (§8). */
function workedHouseholds(extra: (floor: number, j: number) => Record<string, unknown> = () => ({})): Record<string, unknown>[] {
  const hs: Record<string, unknown>[] = [];
  for (let f = 1; f <= 6; f++) for (let j = 1; j <= 2; j++) hs.push({ id: `1-${f}0${j}`, area: 80, unit: "1幢1单元", floor: f, ...extra(f, j) });
  return hs;
}
const WORKED_ELEVATOR = { unit: "1幢1单元", storeys: 6, cost: 650000, maintenanceFund: 30000 };

function run(input: Record<string, unknown>): CalcResult {
  const r = calculate({ project: PROJECT, ...input });
  if (!r.ok) throw new Error(r.errors.map((e) => `${formatPath(e.path)}: ${e.en}`).join("; "));
  return r.value;
}

function policyOf(spec: Record<string, unknown>): Policy {
  const p = resolvePolicy({ base: "default", ...spec });
  if (!p.ok) throw new Error(p.errors[0].en);
  return p.value;
}
const elevatorPolicy = (spec: Record<string, unknown>): ElevatorPolicy => policyOf(spec).elevator;

describe("the worked example of elevator-rules.md §8, to the fen", () => {
  const r = run({ policy: WORKED_POLICY, households: workedHouseholds(), elevators: [WORKED_ELEVATOR] });
  const e = r.elevators!.elevators[0];

  it("G = min(round(0.4 × 650,000), 280,000, 650,000) = 260,000.00; P = 650,000 − 260,000 − 30,000 − 0 = 360,000.00", () => {
    expect(e.subsidy.amount.toFixed(2)).toBe("260000.00");
    expect(e.subsidy.rateAmount!.toFixed(2)).toBe("260000.00");
    expect(e.ownersPart.toFixed(2)).toBe("360000.00");
    expect(subsidyFormula(e.subsidy, e.cost)).toBe("G = min(round(0.4 × 650,000.00), 280,000.00, 650,000.00)");
    expect(subsidyRuleText(e.subsidy, 6)).toEqual({ zh: "按造价 40%，上限 280,000.00 元/台", en: "40% of the cost, at most 280,000.00 per elevator" });
  });

  it("weights 0, 0, 56, 64, 72, 80 per pair (k × 80 m²), Σ w = 544", () => {
    expect(e.shares.map((_, i) => elevatorWeightText(e, i))).toEqual(["0", "0", "0", "0", "56", "56", "64", "64", "72", "72", "80", "80"]);
    expect(e.shares.map((s) => s.coefficient.toString())).toEqual(["0", "0", "0", "0", "0.7", "0.7", "0.8", "0.8", "0.9", "0.9", "1", "1"]);
  });

  it("shares: floors 1–2 0.00; 37,058.82; 42,352.94; 47,647.06; 52,941.18 (each twice); Σ = 360,000.00", () => {
    // 360000 × 56/544 = 37058.8235…, × 64/544 = 42352.9411…, × 72/544 = 47647.0588…, × 80/544 = 52941.1764…
    // floored: 37058.82 + 42352.94 + 47647.05 + 52941.17 = 179999.98, twice = 359999.96 → 4 fen left:
    // the two floor-5 rows (.88 of a fen dropped) and then the two floor-6 rows (.64).
    expect(e.shares.map((s) => s.share)).toEqual([0, 0, 0, 0, 3705882, 3705882, 4235294, 4235294, 4764706, 4764706, 5294118, 5294118]);
    expect(e.totals.share).toBe(36000000);
    expect(e.shares.reduce((a, s) => a + s.share, 0)).toBe(36000000);
  });

  it("the JSON carries the elevator and each household's block", () => {
    const out = toOutputJson(r);
    expect(out.elevators).toHaveLength(1);
    expect(out.elevators![0]).toMatchObject({
      unit: "1幢1单元",
      storeys: 6,
      cost: 650000,
      maintenanceFund: 30000,
      otherFunds: 0,
      ownersPart: 360000,
      weightTotal: 544,
      households: { count: 12 },
      totals: { share: 360000, relief: 0, net: 360000, paid: 0, balance: 360000 },
      collection: { collected: 0, rate: 0, fullyCollected: false },
      vote: null,
      subsidy: { amount: 260000, mode: "rate", approved: false, computed: 260000, rate: 0.4, rateAmount: 260000, cap: 280000 },
    });
    expect(out.households!.map((h) => h.elevator?.share)).toEqual([0, 0, 0, 0, 37058.82, 37058.82, 42352.94, 42352.94, 47647.06, 47647.06, 52941.18, 52941.18]);
    expect(out.households![6].elevator).toEqual({
      unit: "1幢1单元",
      floor: 4,
      coefficient: 0.8,
      weight: 64,
      explicitWeight: false,
      share: 42352.94,
      reliefRate: 0,
      relief: 0,
      net: 42352.94,
      paid: 0,
      balance: 42352.94,
    });
    expect(out.elevatorTotals).toMatchObject({ elevators: 1, households: 12, cost: 650000, subsidy: 260000, ownersPart: 360000, share: 360000 });
    expect(out.unitsWithoutElevator).toEqual([]);
  });

  it("changes nothing of the project: T, R, S, F and every household's funding figures are as without elevators", () => {
    const hs = workedHouseholds();
    const plain = toOutputJson(run({ policy: WORKED_POLICY, households: hs.map(({ unit: _u, floor: _f, ...h }) => h) }));
    const withElevators = toOutputJson(r);
    expect(withElevators.project).toEqual(plain.project);
    expect(withElevators.totals).toEqual(plain.totals);
    expect(withElevators.households!.map(({ elevator: _e, ...h }) => h)).toEqual(plain.households);
  });
});

describe("subsidy by mode (§2), hand-checked", () => {
  const E = (x: number | string) => roundFen(x);
  const g = (spec: Record<string, unknown>, cost: number | string, storeys: number, approved?: number) =>
    elevatorSubsidy(E(cost), storeys, elevatorPolicy(spec), approved === undefined ? undefined : E(approved)).amount.toFixed(2);

  it.each([
    // [case, policy keys, E, N, G]
    ["none: G = 0", { "elevator.subsidy.mode": "none" }, 650000, 6, "0.00"],
    ["default policy: none", {}, 650000, 6, "0.00"],
    ["fixed: min(150000, 650000) = 150000", { "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 150000 }, 650000, 6, "150000.00"],
    ["fixed: min(150000, 100000) = 100000 (never above E)", { "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 150000 }, 100000, 6, "100000.00"],
    [
      "rate: 0.4 × 650000 = 260000 < cap 280000",
      { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.4, "elevator.subsidy.cap": 280000 },
      650000,
      6,
      "260000.00",
    ],
    [
      "rate: 0.4 × 800000 = 320000 → cap 280000",
      { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.4, "elevator.subsidy.cap": 280000 },
      800000,
      6,
      "280000.00",
    ],
    [
      "rate: blank cap = no cap, 0.4 × 800000 = 320000",
      { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.4, "elevator.subsidy.cap": "" },
      800000,
      6,
      "320000.00",
    ],
    [
      "rate: round half up, 0.333 × 100000.05 = 33300.01665 → 33300.02",
      { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.333 },
      100000.05,
      6,
      "33300.02",
    ],
    ["rate: 0.5 × 0.01 = 0.005 → 0.01", { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.5 }, 0.01, 6, "0.01"],
    [
      "rate: 1 × 200000 = 200000 < cap 280000, = E",
      { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 1, "elevator.subsidy.cap": 280000 },
      200000,
      6,
      "200000.00",
    ],
  ])("%s", (_case, spec, cost, storeys, want) => {
    expect(g(spec, cost, storeys)).toBe(want);
  });

  // Jinan's table (elevator-rules.md): 4F 16万, 5F 18万, 6F 20万, 7F 22万.
  const JINAN = { "elevator.subsidy.mode": "storeys", "elevator.subsidy.byStoreys": "4:160000,5:180000,6:200000,7:220000" };
  it.each([
    [2, "0.00"], // no listed storey count ≤ 2
    [3, "0.00"], // the edge below the lowest entry
    [4, "160000.00"], // exactly the lowest entry
    [5, "180000.00"],
    [6, "200000.00"],
    [7, "220000.00"], // exactly the highest entry
    [8, "220000.00"], // above the highest: the largest listed ≤ 8 is 7
    [33, "220000.00"],
  ])("storeys: N = %p → %s (largest listed storey count ≤ N)", (N, want) => {
    expect(g(JINAN, 650000, N)).toBe(want);
  });

  it("storeys: the entry is capped by E (min(200000, 150000)), and a table typed out of order is read in order", () => {
    expect(g(JINAN, 150000, 6)).toBe("150000.00");
    expect(g({ ...JINAN, "elevator.subsidy.byStoreys": "7:220000，4:160000" }, 650000, 5)).toBe("160000.00");
    const s = elevatorSubsidy(E(650000), 3, elevatorPolicy(JINAN));
    expect(s.storeysEntry).toBeNull();
    expect(subsidyRuleText(s, 3).zh).toBe("按层数（4:160000,5:180000,6:200000,7:220000）：3 层低于表中最低层数，不补助");
    expect(subsidyRuleText(elevatorSubsidy(E(650000), 9, elevatorPolicy(JINAN)), 9).zh).toBe(
      "按层数（4:160000,5:180000,6:200000,7:220000）：9 层按 7 层档 220,000.00 元",
    );
  });

  it("minStoreys: below it G = 0 whatever the mode (Chengdu: 20万 for 6 storeys or more); at it, the mode's G", () => {
    const chengdu = { "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 200000, "elevator.subsidy.minStoreys": 6 };
    expect(g(chengdu, 650000, 5)).toBe("0.00");
    expect(g(chengdu, 650000, 6)).toBe("200000.00");
    expect(g({ ...JINAN, "elevator.subsidy.minStoreys": 6 }, 650000, 5)).toBe("0.00");
    const s = elevatorSubsidy(E(650000), 5, elevatorPolicy(chengdu));
    expect([s.belowMinStoreys, s.computed.toFixed(2)]).toEqual([true, "0.00"]);
    expect(subsidyRuleText(s, 5)).toEqual({ zh: "5 层低于补助最低层数 6 层，不补助", en: "5 storeys is below the minimum of 6 for a subsidy: none" });
  });

  it("an approved subsidy replaces the computed G (≤ E), whatever the mode, also below minStoreys", () => {
    expect(g({ "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.4 }, 650000, 6, 300000)).toBe("300000.00");
    expect(g({}, 650000, 6, 120000)).toBe("120000.00");
    expect(g({ "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 200000, "elevator.subsidy.minStoreys": 6 }, 650000, 4, 50000)).toBe("50000.00");
    const s = elevatorSubsidy(E(650000), 6, elevatorPolicy({ "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.4 }), E(300000));
    expect([s.approved, s.computed.toFixed(2)]).toEqual([true, "260000.00"]);
    expect(subsidyRuleText(s, 6).zh).toBe("按核定补助金额 300,000.00 元（政策测算为 260,000.00 元）");
  });

  it("the subsidy never exceeds E in any mode (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.integer({ min: 2, max: 40 }),
        fc.constantFrom<Record<string, unknown>>(
          { "elevator.subsidy.mode": "fixed", "elevator.subsidy.amount": 250000 },
          { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 0.6, "elevator.subsidy.cap": 250000 },
          { "elevator.subsidy.mode": "rate", "elevator.subsidy.rate": 1 },
          JINAN,
        ),
        (fen, N, spec) => {
          const cost = roundFen(fen / 100);
          const G = elevatorSubsidy(cost, N, elevatorPolicy(spec)).amount;
          return !G.isNegative() && G.lessThanOrEqualTo(cost);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("household shares (§4)", () => {
  it("the last coefficient applies to every higher floor; by household, k alone", () => {
    const p = elevatorPolicy({ "elevator.floorCoefficients": "0,0.5,1.2" });
    expect([1, 2, 3, 4, 9].map((f) => floorCoefficient(f, p).toString())).toEqual(["0", "0.5", "1.2", "1.2", "1.2"]);
    // weight household: k alone, so 90 m² and 50 m² on floor 3 pay the same; P = 300 over w 0.5, 1.2, 1.2, 1.2 (Σ 4.1)
    // 300 × 0.5/4.1 = 36.5853… → 36.59; 300 × 1.2/4.1 = 87.8048… → 87.80 ×3 (floors 36.58 + 3 × 87.80 = 299.98; 2 fen:
    // .53 of a fen (floor 2) and then the first of the ties at .48 — the earlier row)
    const r = run({
      policy: { base: "default", "elevator.floorCoefficients": "0,0.5,1.2", "elevator.weight": "household" },
      households: [
        { id: "A", area: 60, unit: "U", floor: 2 },
        { id: "B", area: 90, unit: "U", floor: 3 },
        { id: "C", area: 50, unit: "U", floor: 3 },
        { id: "D", area: 70, unit: "U", floor: 9 },
      ],
      elevators: [{ unit: "U", storeys: 9, cost: 300 }],
    });
    expect(r.elevators!.elevators[0].shares.map((s) => s.share)).toEqual([3659, 8781, 8780, 8780]);
  });

  it("an explicit 电梯分摊权重 replaces k × area (the owners' agreement)", () => {
    // weights (default coefficients 0,0,1): A floor 1 → 0 × 80 = 0; B explicit 3 (k × area would be 0); C explicit 1
    // (instead of 1 × 80); D floor 3 → 1 × 50 = 50. P = 1000.00 = 100000 fen over 0, 3, 1, 50 (Σ 54):
    // 5555.55…, 1851.85…, 92592.59… fen → 5555 + 1851 + 92592 = 99998; 2 fen to the largest dropped fractions
    // .85 (C) and .59 (D), not .55 (B)
    const r = run({
      households: [
        { id: "A", area: 80, unit: "U", floor: 1 },
        { id: "B", area: 80, unit: "U", floor: 2, elevatorWeight: 3 },
        { id: "C", area: 80, unit: "U", floor: 3, elevatorWeight: 1 },
        { id: "D", area: 50, unit: "U", floor: 3 },
      ],
      elevators: [{ unit: "U", storeys: 3, cost: 1000 }],
    });
    const e = r.elevators!.elevators[0];
    expect(e.shares.map((_, i) => elevatorWeightText(e, i))).toEqual(["0", "3", "1", "50"]);
    expect(e.shares.map((s) => s.explicitWeight)).toEqual([false, true, true, false]);
    expect(e.shares.map((s) => s.share)).toEqual([0, 5555, 1852, 92593]);
  });

  it("compares units after trimming and full-width folding, and lists households whose unit has no elevator", () => {
    const r = run({
      households: [
        { id: "A", area: 80, unit: "１幢１单元 ", floor: 3 },
        { id: "B", area: 80, unit: "1幢1单元", floor: 4 },
        { id: "C", area: 80, unit: "1幢2单元", floor: 4 },
        { id: "D", area: 80, unit: "1幢2单元" },
        { id: "E", area: 80, unit: "1幢1单元x", floor: 2 },
        { id: "F", area: 80 },
      ],
      elevators: [{ unit: "1幢1单元", storeys: 6, cost: 100 }],
    });
    const x = r.elevators!;
    expect(x.elevators[0].shares.map((s) => s.household)).toEqual([0, 1]);
    expect(Array.from(x.elevatorOf)).toEqual([0, 0, -1, -1, -1, -1]);
    expect(x.unitsWithoutElevator).toEqual([
      { unit: "1幢2单元", households: 2 },
      { unit: "1幢1单元x", households: 1 },
    ]);
  });

  it("relief: none by default; with elevator.relief 1, round(rate × share) at the household's §4.3 rate", () => {
    const hs = [
      { id: "A", area: 100, unit: "U", floor: 3, status: "低保户" },
      { id: "B", area: 100, unit: "U", floor: 3, status: "特困" },
      { id: "C", area: 101, unit: "U", floor: 3 },
    ];
    // P = 1000.01 = 100001 fen over 100, 100, 101 (Σ 301): 33222.92… twice, 33555.14… → 33222 + 33222 + 33555 =
    // 99999; 2 fen to the .92s (A, B) → 332.23, 332.23, 335.55
    const none = run({ households: hs, elevators: [{ unit: "U", storeys: 3, cost: 1000.01 }] }).elevators!.elevators[0];
    expect(none.shares.map((s) => [s.share, s.relief])).toEqual([
      [33223, 0],
      [33223, 0],
      [33555, 0],
    ]);
    // 70% × 332.23 = 232.561 → 232.56; 100% × 332.23 = 332.23
    const withRelief = run({ policy: { base: "default", "elevator.relief": 1 }, households: hs, elevators: [{ unit: "U", storeys: 3, cost: 1000.01 }] })
      .elevators!.elevators[0];
    expect(withRelief.shares.map((s) => [s.share, s.reliefRate.toString(), s.relief, s.net])).toEqual([
      [33223, "0.7", 23256, 9967],
      [33223, "1", 33223, 0],
      [33555, "0", 0, 33555],
    ]);
    expect([withRelief.totals.relief, withRelief.totals.net]).toEqual([56479, 43522]);
  });

  it("settles against 电梯已缴 and rates collection per elevator: Σ min(paid, net) / Σ net", () => {
    // shares 500 / 500 (P = 1000, equal weights); paid 600 (退还 100) and 200 (补缴 300)
    // collected = min(600, 500) + min(200, 500) = 700 → 700 / 1000 = 0.7
    const r = run({
      households: [
        { id: "A", area: 80, unit: "U", floor: 3, elevatorPaid: 600 },
        { id: "B", area: 80, unit: "U", floor: 3, elevatorPaid: 200 },
      ],
      elevators: [{ unit: "U", storeys: 3, cost: 1000 }],
    });
    const e = r.elevators!.elevators[0];
    expect(e.shares.map((s) => [s.share, s.paid, s.balance])).toEqual([
      [50000, 60000, -10000],
      [50000, 20000, 30000],
    ]);
    expect([e.totals.collected, e.totals.collectionRate.toString(), e.totals.fullyCollected]).toEqual([70000, "0.7", false]);
    expect(toOutputJson(r).elevators![0].collection).toEqual({ collected: 700, rate: 0.7, fullyCollected: false });
  });

  it("P = 0 (the funds cover the cost) gives every household 0, even when every weight is 0; collection is 100%", () => {
    const r = run({
      households: [{ id: "A", area: 80, unit: "U", floor: 1 }],
      elevators: [{ unit: "U", storeys: 6, cost: 300000, subsidy: 200000, maintenanceFund: 60000, otherFunds: 40000 }],
    });
    const e = r.elevators!.elevators[0];
    expect([e.ownersPart.toFixed(2), e.shares[0].share, e.totals.collectionRate.toString(), e.totals.fullyCollected]).toEqual(["0.00", 0, "1", true]);
  });
});

describe("the vote per elevator (§5)", () => {
  it("tallies the elevator's households only, with funding-rules §5's exact thresholds", () => {
    // Unit U: 4 households of 80 m²; 3 participate (3·3 ≥ 2·4 ✓ both), 2 of 3 agree: 4·2 = 8 < 3·3 = 9 → not approved.
    // Unit V: 3 households, all participate, all agree → approved. The project vote counts all 7.
    const vote = (p: boolean, a: boolean) => ({ participated: p, agreed: a });
    const r = run({
      households: [
        { id: "U1", area: 80, unit: "U", floor: 3, ...vote(true, true) },
        { id: "U2", area: 80, unit: "U", floor: 3, ...vote(true, true) },
        { id: "U3", area: 80, unit: "U", floor: 3, ...vote(true, false) },
        { id: "U4", area: 80, unit: "U", floor: 3, ...vote(false, false) },
        { id: "V1", area: 80, unit: "V", floor: 3, ...vote(true, true) },
        { id: "V2", area: 80, unit: "V", floor: 3, ...vote(true, true) },
        { id: "V3", area: 80, unit: "V", floor: 3, ...vote(true, true) },
      ],
      elevators: [
        { unit: "U", storeys: 6, cost: 100 },
        { unit: "V", storeys: 6, cost: 100 },
      ],
    });
    const [u, v] = r.elevators!.elevators;
    expect([u.vote!.participationPassed, u.vote!.approvalPassed, u.vote!.detail.households, u.vote!.detail.agreeing]).toEqual([true, false, 4, 2]);
    expect([v.vote!.participationPassed, v.vote!.approvalPassed]).toEqual([true, true]);
    expect(r.vote!.detail.households).toBe(7);
  });

  it("has no vote result when none of the elevator's households has a participated value", () => {
    const r = run({
      households: [
        { id: "U1", area: 80, unit: "U", floor: 3 },
        { id: "X1", area: 80, participated: true, agreed: true },
      ],
      elevators: [{ unit: "U", storeys: 6, cost: 100 }],
    });
    expect(r.elevators!.elevators[0].vote).toBeUndefined();
    expect(toOutputJson(r).elevators![0].vote).toBeNull();
    expect(r.vote).toBeDefined();
  });
});

describe("properties of the shares (§4)", () => {
  /** Household rows of one elevator from (floor, area) pairs. */
  const rowsOf = (hs: readonly { floor: number; area: number }[]): HouseholdRow[] =>
    hs.map((h, i) => ({ id: String(i), area: h.area, statuses: [], paidFen: 0 as Fen, unit: "U", floor: h.floor }));
  const POLICY = policyOf({ "elevator.floorCoefficients": "0,0.35,0.7,0.85,1,1.15,1.3" });
  const households = fc.array(fc.record({ floor: fc.integer({ min: 1, max: 9 }), area: fc.integer({ min: 3000, max: 15000 }).map((x) => x / 100) }), {
    minLength: 1,
    maxLength: 30,
  });
  const shareOf = (rows: HouseholdRow[], cost: number, G: number, policy = POLICY) => {
    const r = computeElevators(
      [{ unit: "U", storeys: 9, cost: roundFen(cost / 100), maintenanceFund: roundFen(0), otherFunds: roundFen(0), subsidy: roundFen(G / 100) }],
      rows,
      policy,
    );
    if (!r.ok) throw new Error(r.errors[0].en);
    return r.value.elevators[0];
  };

  it("shares add up to P to the fen", () => {
    fc.assert(
      fc.property(households, fc.integer({ min: 0, max: 100_000_000 }), (hs, costFen) => {
        fc.pre(hs.some((h) => h.floor >= 2));
        const e = shareOf(rowsOf(hs), costFen, 0);
        return e.shares.reduce((a, s) => a + s.share, 0) === costFen;
      }),
      { numRuns: 300 },
    );
  });

  it("a higher coefficient never pays less per m²: never less at equal area, and within a fen of rounding otherwise", () => {
    fc.assert(
      fc.property(households, fc.integer({ min: 1, max: 100_000_000 }), (hs, costFen) => {
        fc.pre(hs.some((h) => h.floor >= 2));
        const e = shareOf(rowsOf(hs), costFen, 0);
        for (let i = 0; i < hs.length; i++) {
          for (let j = 0; j < hs.length; j++) {
            const ki = e.shares[i].coefficient;
            const kj = e.shares[j].coefficient;
            if (!ki.greaterThan(kj)) continue;
            const [si, sj, ai, aj] = [e.shares[i].share, e.shares[j].share, hs[i].area, hs[j].area];
            if (ai === aj && si < sj) return false;
            // exact parts e ∝ k·a, so e_i/a_i ≥ e_j/a_j; each share is within a fen of its exact part:
            // s_i/a_i > e_i/a_i − 1/a_i ≥ e_j/a_j − 1/a_i > s_j/a_j − 1/a_j − 1/a_i
            if (si / ai + 1 / ai + 1 / aj + 1e-9 < sj / aj) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("raising G never raises a share by more than a fen, and never at all once the exact part falls by a fen or more", () => {
    // The literal "raising G never raises any share" is false for the largest-remainder rule of the spec
    // (the Alabama paradox): weights 6, 6, 2 and P = 0.11 give 0.05, 0.05, 0.01; raising G by one fen
    // (P = 0.10) gives 0.04, 0.04, 0.02. Each share is ⌊exact⌋ or ⌊exact⌋ + 1, and exact parts only fall.
    const alabama = (P: number) => shareOf(rowsOf([6, 6, 2].map((area) => ({ floor: 9, area }))), P, 0).shares.map((s) => s.share);
    expect([alabama(11), alabama(10)]).toEqual([
      [5, 5, 1],
      [4, 4, 2],
    ]);
    fc.assert(
      fc.property(
        households,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        (hs, costFen, g1, dg) => {
          fc.pre(hs.some((h) => h.floor >= 2));
          const G1 = Math.min(g1, costFen);
          const G2 = Math.min(G1 + dg, costFen);
          const before = shareOf(rowsOf(hs), costFen, G1);
          const after = shareOf(rowsOf(hs), costFen, G2);
          const S = Number(before.weights.sum);
          return before.shares.every((s, i) => {
            const w = Number(before.weights.nums![i]);
            const t = after.shares[i].share - s.share;
            // exact part falls by (G2 − G1)·w/S fen
            const fall = ((G2 - G1) * w) / S;
            return t <= 1 && (fall < 1 || t <= 0);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the weights in doubles equal the weights in exact decimals, and past 2^53 the exact ones are used", () => {
    fc.assert(
      fc.property(households, (hs) => {
        const rows = rowsOf(hs);
        const members = rows.map((_, i) => i);
        const d = elevatorWeightsInDoubles(rows, members, POLICY.elevator)!;
        const x = elevatorWeightsExactly(rows, members, POLICY.elevator);
        const scaleTo = (v: bigint, from: number, to: number) => v * 10n ** BigInt(to - from);
        const top = Math.max(d.scale, x.scale);
        return d.exact().every((v, i) => scaleTo(BigInt(String(v)), d.scale, top) === scaleTo(BigInt(String(x.exact()[i])), x.scale, top));
      }),
      { numRuns: 200 },
    );
    // k = 0.123456789 (9 digits) × area 12345678.123456 (6 digits) = a 23-digit integer at scale 15: past 2^53.
    const big: HouseholdRow[] = [
      { id: "A", area: 12345678.123456, statuses: [], paidFen: 0 as Fen, unit: "U", floor: 1 },
      { id: "B", area: 1, statuses: [], paidFen: 0 as Fen, unit: "U", floor: 1 },
    ];
    const p = policyOf({ "elevator.floorCoefficients": "0.123456789" });
    expect(elevatorWeightsInDoubles(big, [0, 1], p.elevator)).toBeUndefined();
    const e = shareOf(big, 100_000_001, 0, p);
    // oracle in bigint: weights 1524157640252399.432... scaled: 0.123456789 × 12345678.123456 and 0.123456789 × 1
    const w = [123456789n * 12345678123456n, 123456789n * 1000000n];
    const S = w[0] + w[1];
    const T = 100_000_001n;
    const floor = w.map((x) => (T * x) / S);
    const rem = w.map((x) => (T * x) % S);
    const left = Number(T - floor[0] - floor[1]);
    const want = floor.map(Number);
    if (left > 0) want[rem[0] >= rem[1] ? 0 : 1] += 1;
    expect(e.shares.map((s) => s.share)).toEqual(want);
  });
});

describe("every bad input of elevator-rules.md is an error naming its place", () => {
  const OK_ELEVATOR = { unit: "U", storeys: 6, cost: 100000 };
  const OK_HOUSEHOLD = { id: "A", area: 80, unit: "U", floor: 3 };
  type Case = [string, Record<string, unknown>, string, string, string?];
  const cases: Case[] = [
    ["elevators not an array", { elevators: { unit: "U" } }, "elevators", "type.array"],
    ["an elevator row not an object", { elevators: [7] }, "elevators[0]", "type.object"],
    ["an unknown member", { elevators: [{ ...OK_ELEVATOR, storey: 6 }] }, "elevators[0].storey", "field.unknown"],
    ["unit missing", { elevators: [{ storeys: 6, cost: 1 }] }, "elevators[0].unit", "required"],
    ["unit blank", { elevators: [{ ...OK_ELEVATOR, unit: "　 " }] }, "elevators[0].unit", "elevator.unitEmpty", "单元不能为空"],
    [
      "duplicate unit (after trimming and full-width folding)",
      { households: [OK_HOUSEHOLD], elevators: [OK_ELEVATOR, { ...OK_ELEVATOR, unit: " Ｕ" }] },
      "elevators[1].unit",
      "elevator.unitDuplicate",
      "单元重复：Ｕ（与 elevators[0].unit 相同）",
    ],
    ["storeys 1", { elevators: [{ ...OK_ELEVATOR, storeys: 1 }] }, "elevators[0].storeys", "elevator.storeys", "层数应为 2 到 200 之间的整数，实为 1"],
    ["storeys not an integer", { elevators: [{ ...OK_ELEVATOR, storeys: 5.5 }] }, "elevators[0].storeys", "elevator.storeys", "实为 5.5"],
    ["storeys as text in JSON", { elevators: [{ ...OK_ELEVATOR, storeys: "6" }] }, "elevators[0].storeys", "type.number"],
    ["storeys missing", { elevators: [{ unit: "U", cost: 1 }] }, "elevators[0].storeys", "required"],
    ["cost missing", { elevators: [{ unit: "U", storeys: 6 }] }, "elevators[0].cost", "required"],
    ["negative cost", { elevators: [{ ...OK_ELEVATOR, cost: -1 }] }, "elevators[0].cost", "money.negative", "金额不能为负数，实为 -1"],
    ["negative maintenance fund", { elevators: [{ ...OK_ELEVATOR, maintenanceFund: -0.01 }] }, "elevators[0].maintenanceFund", "money.negative"],
    ["negative other funds", { elevators: [{ ...OK_ELEVATOR, otherFunds: -5 }] }, "elevators[0].otherFunds", "money.negative"],
    ["negative subsidy", { elevators: [{ ...OK_ELEVATOR, subsidy: -5 }] }, "elevators[0].subsidy", "money.negative"],
    [
      "the approved subsidy above E",
      { elevators: [{ ...OK_ELEVATOR, subsidy: 100000.01 }] },
      "elevators[0].subsidy",
      "elevator.subsidyAboveCost",
      "核定补助金额 100000.01 元超过造价 100000.00 元",
    ],
    [
      "an elevator no household names",
      { households: [{ ...OK_HOUSEHOLD, unit: "V" }], elevators: [OK_ELEVATOR] },
      "elevators[0].unit",
      "elevator.noHouseholds",
      "没有住户属于单元“U”",
    ],
    ["an elevator without any households", { elevators: [OK_ELEVATOR] }, "elevators[0].unit", "elevator.noHouseholds"],
    [
      "a household of an elevator without a floor",
      { households: [{ id: "A", area: 80, unit: "U" }], elevators: [OK_ELEVATOR] },
      "households[0].floor",
      "elevator.floorMissing",
      "本户属于加装电梯的单元“U”，须填写楼层",
    ],
    [
      "a floor above N",
      { households: [{ ...OK_HOUSEHOLD, floor: 7 }], elevators: [OK_ELEVATOR] },
      "households[0].floor",
      "elevator.floorRange",
      "楼层应为 1 到 6 的整数（单元“U”的电梯服务 6 层），实为 7",
    ],
    ["floor 0", { households: [{ ...OK_HOUSEHOLD, floor: 0 }], elevators: [OK_ELEVATOR] }, "households[0].floor", "elevator.floorRange"],
    ["floor -1", { households: [{ ...OK_HOUSEHOLD, floor: -1 }], elevators: [OK_ELEVATOR] }, "households[0].floor", "elevator.floorRange"],
    ["a floor not an integer", { households: [{ ...OK_HOUSEHOLD, floor: 2.5 }], elevators: [OK_ELEVATOR] }, "households[0].floor", "type.integer"],
    ["a floor as text in JSON", { households: [{ ...OK_HOUSEHOLD, floor: "3" }], elevators: [OK_ELEVATOR] }, "households[0].floor", "type.number"],
    [
      "a negative elevator weight",
      { households: [{ ...OK_HOUSEHOLD, elevatorWeight: -1 }], elevators: [OK_ELEVATOR] },
      "households[0].elevatorWeight",
      "elevator.weightNegative",
      "电梯分摊权重不能为负数，实为 -1",
    ],
    [
      "a negative elevator payment",
      { households: [{ ...OK_HOUSEHOLD, elevatorPaid: -1 }], elevators: [OK_ELEVATOR] },
      "households[0].elevatorPaid",
      "money.negative",
    ],
    [
      "an elevator payment whose unit has no elevator (misspelt)",
      { households: [OK_HOUSEHOLD, { id: "B", area: 80, unit: "U2", floor: 3, elevatorPaid: 100 }], elevators: [OK_ELEVATOR] },
      "households[1].elevatorPaid",
      "elevator.noElevator",
      "本户填写了电梯已缴，但单元“U2”没有加装电梯",
    ],
    [
      "an elevator weight without a unit",
      { households: [OK_HOUSEHOLD, { id: "B", area: 80, elevatorWeight: 2 }], elevators: [OK_ELEVATOR] },
      "households[1].elevatorWeight",
      "elevator.noElevator",
      "本户填写了电梯分摊权重，但未填写单元",
    ],
    [
      "an elevator payment with no elevators at all",
      { households: [{ id: "B", area: 80, elevatorPaid: 100 }] },
      "households[0].elevatorPaid",
      "elevator.noElevator",
    ],
    [
      "the funds exceed the cost (P < 0)",
      { households: [OK_HOUSEHOLD], elevators: [{ ...OK_ELEVATOR, subsidy: 60000, maintenanceFund: 30000, otherFunds: 10000.01 }] },
      "elevators[0]",
      "elevator.fundsExceedCost",
      "单元“U”：补助 60,000.00 + 维修资金 30,000.00 + 其他资金 10,000.01 超过造价 100,000.00 元，业主分摊为 -0.01 元（不能为负）",
    ],
    [
      "all weights 0 while P > 0 (every household on an exempt floor)",
      {
        households: [
          { ...OK_HOUSEHOLD, floor: 1 },
          { ...OK_HOUSEHOLD, id: "B", floor: 2 },
        ],
        elevators: [OK_ELEVATOR],
      },
      "elevators[0]",
      "elevator.weightsZero",
      "单元“U”的 2 户分摊权重全部为0",
    ],
    [
      "Σ E different from the project's elevatorCost",
      {
        project: { ...PROJECT, elevatorCost: 150000 },
        households: [OK_HOUSEHOLD, { ...OK_HOUSEHOLD, id: "B", unit: "V" }],
        elevators: [OK_ELEVATOR, { ...OK_ELEVATOR, unit: "V", cost: 50000.01 }],
      },
      "project.elevatorCost",
      "elevator.costMismatch",
      "加装电梯费用 150000.00 元与各电梯造价合计 150000.01 元（elevators.cost）不一致",
    ],
    [
      "Σ E above 1万亿 元",
      {
        households: [OK_HOUSEHOLD, { ...OK_HOUSEHOLD, id: "B", unit: "V" }],
        elevators: [
          { ...OK_ELEVATOR, cost: 600_000_000_000 },
          { ...OK_ELEVATOR, unit: "V", cost: 600_000_000_000 },
        ],
      },
      "elevators[1].cost",
      "money.totalTooLarge",
    ],
  ];

  // Every row has five entries (jest hands a shorter row a `done` callback in place of the missing one).
  it.each(cases.map((c): Required<Case> => [c[0], c[1], c[2], c[3], c[4] ?? ""]))("%s", (_case, input, path, code, zh) => {
    const r = calculate({ project: PROJECT, ...input });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [formatPath(e.path), e.code])).toContainEqual([path, code]);
    const e = r.errors.find((x) => formatPath(x.path) === path && x.code === code)!;
    expect(e.zh).toContain(zh);
    expect(e.en).toMatch(/[a-z]{3}/);
  });

  it("names both places of a cost mismatch, in English too", () => {
    const r = calculate({
      project: { ...PROJECT, elevatorCost: 100 },
      households: [OK_HOUSEHOLD],
      elevators: [OK_ELEVATOR],
    });
    expect(!r.ok && r.errors.map((e) => e.en)).toEqual([
      "the elevator cost 100.00 differs from the total of the elevators' costs 100000.00 (elevators.cost); they must be equal to the fen",
    ]);
  });

  it("accepts Σ E equal to elevatorCost to the fen, and a blank elevatorCost (not given)", () => {
    const input = { households: [OK_HOUSEHOLD], elevators: [{ ...OK_ELEVATOR, cost: 100000.004 }] };
    expect(calculate({ project: { ...PROJECT, elevatorCost: 100000 }, ...input }).ok).toBe(true);
    expect(calculate({ project: PROJECT, ...input }).ok).toBe(true);
  });

  it("reports every problem at once, in input order", () => {
    const r = calculate({
      project: PROJECT,
      households: [
        { ...OK_HOUSEHOLD, floor: 9 },
        { id: "B", area: 80, unit: "U" },
      ],
      elevators: [OK_ELEVATOR],
    });
    expect(!r.ok && r.errors.map((e) => `${formatPath(e.path)} ${e.code}`)).toEqual([
      "households[0].floor elevator.floorRange",
      "households[1].floor elevator.floorMissing",
    ]);
  });

  it("a floor that is not a whole number is an error only for a household that shares an elevator", () => {
    const hs = [OK_HOUSEHOLD, { id: "B", area: 80, unit: "V", floor: 2.5 }, { id: "C", area: 80, floor: "三层" }];
    expect(calculate({ project: PROJECT, households: hs, elevators: [OK_ELEVATOR] }).ok).toBe(true);
    expect(calculate({ project: PROJECT, households: hs }).ok).toBe(true);
  });

  it("an empty elevators list is no elevators, and households may name units without one", () => {
    const r = run({ households: [{ id: "A", area: 80, unit: "U", floor: 3 }], elevators: [] });
    expect(r.elevators).toBeUndefined();
    expect(toOutputJson(r).elevators).toBeUndefined();
  });
});

describe("the built-in policies give no elevator subsidy (no city is built in)", () => {
  it.each(["default", "yueqing-2023"] as const)("%s: mode none, coefficients 0,0,1, by area, no relief", (id) => {
    const e = BUILT_IN_POLICIES[id].elevator;
    expect([e.subsidyMode, e.floorCoefficients.map(String).join(","), e.weight, e.relief]).toEqual(["none", "0,0,1", "area", false]);
  });
});
