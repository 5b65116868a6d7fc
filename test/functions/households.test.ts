/**
 * RELIEFRATE and HOUSEHOLDS (funding-rules.md §4; 003 附件3 二): values against the engine's whole
 * calculation (the CLI's path), relief overlaps, the grant, and the one-error rule.
 */
import { errorMessage, installCustomFunctionsStub } from "./custom-functions-stub";
import { households, reliefRateFn } from "../../src/functions/functions";
import { calculate, toOutputJson } from "../../src/engine";

installCustomFunctionsStub();

const COSTS = [2_000_000, 1_000_000, 500_000] as const;
const A = 8_000;
const S = 100_000;

describe("RENO.RELIEFRATE", () => {
  it.each([
    ["特困供养人员", 1],
    ["低保户", 0.7],
    ["困难计生家庭", 0.7],
    ["贫困残疾人户", 0.7],
    ["低保户、特困供养人员", 1], // 就高不就低
    ["贫困残疾人户 / 低保", 0.7],
    ["生活困难职工", 0], // a grant, not a relief rate
    ["", 0],
    [null, 0],
  ])("%s → %d", (status, rate) => {
    expect(reliefRateFn(status)).toBe(rate);
  });

  it("is 0 under yueqing-2023, which has no relief rules (§7)", () => {
    expect(reliefRateFn("特困", [["yueqing-2023"]])).toBe(0);
  });

  it("reads the rate from a policy range", () => {
    expect(reliefRateFn("低保", [["relief.low-income", 0.55]])).toBe(0.55);
  });

  it("names an unknown label and lists the accepted ones", () => {
    expect(errorMessage(reliefRateFn("低保户，五保户"))).toBe(
      "status：未知的困难类别“五保户”，可用：特困供养人员、特困人员、特困、低保户、低保、困难计生户、困难计生家庭、贫困残疾人户、贫困残疾人家庭、生活困难职工",
    );
  });
});

/** The engine's answer for the same households, through the CLI's JSON input. */
function oracle(areas: number[], statuses: string[], policy?: unknown): number[][] {
  const r = calculate({
    ...(policy !== undefined ? { policy } : {}),
    project: { area: A, costs: { basic: COSTS[0], improvement: COSTS[1], enhancement: COSTS[2] }, socialCapital: S },
    households: areas.map((area, i) => ({ id: `H${i}`, area, status: statuses[i] })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return toOutputJson(r.value).households!.map((h) => [h.gross, h.relief, h.grant, h.net]);
}

const col = (xs: readonly unknown[]) => xs.map((x) => [x]);

describe("RENO.HOUSEHOLDS", () => {
  const areas = [90, 60.5, 75.25, 120, 88.8, 45];
  const statuses = ["", "低保户", "特困供养人员、低保户", "生活困难职工", "生活困难职工、低保", "困难计生户"];

  it("matches the engine household by household (default policy)", () => {
    const r = households(col(areas), col(statuses), ...COSTS, A, S);
    expect(r).toEqual(oracle(areas, statuses));
  });

  it("matches the engine under yueqing-2023 (no relief, no grant)", () => {
    const r = households(col(areas), col(statuses), ...COSTS, A, S, [["yueqing-2023"]]) as number[][];
    expect(r).toEqual(oracle(areas, statuses, "yueqing-2023"));
    expect(r.every((row) => row[1] === 0 && row[2] === 0)).toBe(true);
  });

  it("splits the resident total R = 1,000,000.00 exactly (largest remainder)", () => {
    const r = households(col(areas), col(statuses), ...COSTS, A, S) as number[][];
    const fen = r.reduce((s, row) => s + Math.round(row[0] * 100), 0);
    expect(fen).toBe(100_000_000);
  });

  it("gives relief on the improvement and enhancement shares only, at the highest rate of overlapping statuses", () => {
    // Two equal households: each gets half of every tier (by tier 301,886.79 / 339,622.64 / 358,490.57).
    const r = households(col([50, 50]), col(["特困供养人员、低保户", "低保"]), ...COSTS, A, S) as number[][];
    // Household 1: tier shares 150,943.40 / 169,811.32 / 179,245.29 (largest remainder gives the odd fen to row 1).
    // Gross 500,000.01; relief 100% of 169,811.32 + 179,245.29 = 349,056.61.
    expect(r[0]).toEqual([500_000.01, 349_056.61, 0, 150_943.4]);
    // Household 2: 150,943.39 / 169,811.32 / 179,245.28, gross 499,999.99 → 70% of 349,056.60 = 244,339.62.
    expect(r[1]).toEqual([499_999.99, 244_339.62, 0, 255_660.37]);
  });

  it("caps the hardship-worker grant at what is left after relief", () => {
    const r = households(col([1]), col(["生活困难职工、特困"]), 1_000, 0, 0, 1, 0, [
      ["cap.perSqm", ""],
      ["tier.basic.rate", 1],
    ]) as number[][];
    // R = 1,000 all basic: no relief tier share, so the grant of 1,000 covers it exactly.
    expect(r).toEqual([[1_000, 0, 1_000, 0]]);
  });

  it.each([
    ["an area of 0", [[90], [0]], [[""], [""]], "areas 第2行：面积必须大于0，实为 0"],
    ["a text area", [[90], ["八十"]], [[""], [""]], 'areas 第2行：应为数字，实为 "八十"'],
    ["a blank area", [[90], [""]], [[""], [""]], "areas 第2行：缺少必填项"],
    [
      "an unknown status",
      [[90], [80]],
      [[""], ["低保户、孤寡"]],
      "statuses 第2行：未知的困难类别“孤寡”，可用：特困供养人员、特困人员、特困、低保户、低保、困难计生户、困难计生家庭、贫困残疾人户、贫困残疾人家庭、生活困难职工",
    ],
    ["columns of different heights", [[90], [80]], [[""]], "statuses：行数 1 与 areas 的行数 2 不一致"],
    [
      "two columns of areas",
      [
        [90, 1],
        [80, 1],
      ],
      [[""], [""]],
      "areas：应为单列区域，实为 2 行 × 2 列",
    ],
  ])("returns one #VALUE! for %s", (_name, a, s, message) => {
    expect(errorMessage(households(a, s, ...COSTS, A, S))).toBe(message);
  });

  it("reports project errors after the columns are valid", () => {
    expect(errorMessage(households(col([1]), col([""]), ...COSTS, 0, S))).toBe("area：面积必须大于0，实为 0");
  });
});
