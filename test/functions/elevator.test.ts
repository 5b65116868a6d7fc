/**
 * RENO.ELEVATORSUBSIDY and RENO.ELEVATORSHARES (elevator-rules.md §2–§4): the worked example, every
 * subsidy mode through a policy range, the same numbers as the engine's whole calculation, and one
 * #VALUE! naming the argument and row.
 */
import { errorMessage, installCustomFunctionsStub } from "./custom-functions-stub";
import { elevatorShares, elevatorSubsidyFn } from "../../src/functions/functions";
import { calculate, toOutputJson } from "../../src/engine";

installCustomFunctionsStub();

/** elevator-rules.md §8's policy as a key / value range (as typed on a sheet). */
const WORKED_POLICY = [
  ["参数", "值"],
  ["elevator.subsidy.mode", "rate"],
  ["elevator.subsidy.rate", 0.4],
  ["elevator.subsidy.cap", 280000],
  ["elevator.floorCoefficients", "0,0,0.7,0.8,0.9,1.0"],
];
const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
const FLOORS = col([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
const AREAS = col(new Array(12).fill(80));

describe("RENO.ELEVATORSUBSIDY", () => {
  it.each([
    // [case, policy range, E, N, G]
    ["§8: min(round(0.4 × 650,000), 280,000, 650,000)", WORKED_POLICY, 650000, 6, 260000],
    ["the cap binds: 0.4 × 800,000 = 320,000 → 280,000", WORKED_POLICY, 800000, 6, 280000],
    ["default policy: no subsidy", null, 650000, 6, 0],
    [
      "fixed, never above E: min(250,000, 200,000)",
      [
        ["elevator.subsidy.mode", "fixed"],
        ["elevator.subsidy.amount", 250000],
      ],
      200000,
      6,
      200000,
    ],
    [
      "by storeys: 5 storeys → the 5-storey entry",
      [
        ["elevator.subsidy.mode", "storeys"],
        ["elevator.subsidy.byStoreys", "4:160000,5:180000,6:200000"],
      ],
      650000,
      5,
      180000,
    ],
    [
      "by storeys: 3 storeys, below the table → 0",
      [
        ["elevator.subsidy.mode", "storeys"],
        ["elevator.subsidy.byStoreys", "4:160000,5:180000,6:200000"],
      ],
      650000,
      3,
      0,
    ],
    [
      "minStoreys 6: 5 storeys → 0",
      [
        ["elevator.subsidy.mode", "fixed"],
        ["elevator.subsidy.amount", 200000],
        ["elevator.subsidy.minStoreys", 6],
      ],
      650000,
      5,
      0,
    ],
    ["storeys typed as text", WORKED_POLICY, 650000, "6", 260000],
  ])("%s", (_case, policy, cost, storeys, want) => {
    expect(elevatorSubsidyFn(cost, storeys as number, policy as unknown[][] | undefined)).toBe(want);
  });

  it.each([
    [[-1, 6, null], "cost：金额不能为负数，实为 -1"],
    [[650000, 1, null], "storeys：层数应为 2 到 200 之间的整数，实为 1"],
    [[650000, 5.5, null], "storeys：层数应为 2 到 200 之间的整数，实为 5.5"],
    [[650000, "六", null], 'storeys：应为数字，实为 "六"'],
    [[650000, 6, [["elevator.subsidy.mode", "按面积"]]], 'policy 第1行：应为 none / fixed / rate / storeys 之一，实为 "按面积"'],
  ])("one #VALUE! naming the argument: %p", (args, message) => {
    const [cost, storeys, policy] = args as [number, number, unknown[][] | null];
    expect(errorMessage(elevatorSubsidyFn(cost, storeys, policy ?? undefined))).toBe(message);
  });
});

describe("RENO.ELEVATORSHARES", () => {
  it("gives §8's shares to the fen: 0.00 ×4, 37,058.82 ×2, 42,352.94 ×2, 47,647.06 ×2, 52,941.18 ×2 (Σ 360,000.00)", () => {
    const out = elevatorShares(650000, 6, FLOORS, AREAS, 30000, undefined, WORKED_POLICY) as number[][];
    expect(out).toEqual(col([0, 0, 0, 0, 37058.82, 37058.82, 42352.94, 42352.94, 47647.06, 47647.06, 52941.18, 52941.18]));
    expect(out.reduce((s, [x]) => s + Math.round(x * 100), 0)).toBe(36000000);
  });

  it("equals the engine's whole calculation for the same unit (the CLI's JSON path)", () => {
    const floors = [3, 4, 5, 6, 6, 2, 7, 3];
    const areas = [62.35, 88.5, 74.8, 103.4, 91.26, 70, 118.72, 45.05];
    const policy = {
      base: "default",
      "elevator.floorCoefficients": "0,0.4,0.75,0.9,1,1.1,1.25",
      "elevator.subsidy.mode": "fixed",
      "elevator.subsidy.amount": 150000,
    };
    const r = calculate({
      policy,
      project: { area: 1000, costs: { basic: 1 } },
      households: floors.map((floor, i) => ({ id: `H${i}`, area: areas[i], unit: "U", floor })),
      elevators: [{ unit: "U", storeys: 7, cost: 433333.33, maintenanceFund: 12345.67, otherFunds: 1000 }],
    });
    if (!r.ok) throw new Error(r.errors[0].en);
    const range = Object.entries(policy).map(([k, v]) => [k, v]);
    expect(elevatorShares(433333.33, 7, col(floors), col(areas), 12345.67, 1000, range)).toEqual(
      toOutputJson(r.value).households!.map((h) => [h.elevator!.share]),
    );
  });

  it("shares by coefficient alone when the policy's weight is household (areas ignored)", () => {
    // P = 1,000 over k = 1, 1, 1 (floor 3 and higher): 333.34, 333.33, 333.33
    expect(elevatorShares(1000, 6, col([3, 4, 6]), col([50, 120, 80]), null as never, null as never, [["elevator.weight", "household"]])).toEqual(
      col([333.34, 333.33, 333.33]),
    );
  });

  it.each([
    ["a floor above the storeys", [650000, 6, col([3, 7]), col([80, 80])], "floors 第2行：楼层应为 1 到 6 的整数（电梯服务 6 层），实为 7"],
    ["a floor 0", [650000, 6, col([0]), col([80])], "floors 第1行：楼层应为 1 到 6 的整数（电梯服务 6 层），实为 0"],
    ["a blank floor", [650000, 6, col([3, ""]), col([80, 80])], "floors 第2行：缺少必填项"],
    ["a floor as text", [650000, 6, col(["三"]), col([80])], 'floors 第1行：应为数字，实为 "三"'],
    ["columns of different heights", [650000, 6, col([3, 4]), col([80])], "areas：行数 1 与 floors 的行数 2 不一致"],
    ["an area of 0", [650000, 6, col([3, 4]), col([80, 0])], "areas 第2行：面积必须大于0，实为 0"],
    ["negative maintenance fund", [650000, 6, col([3]), col([80]), -1], "maintenanceFund：金额不能为负数，实为 -1"],
    [
      "funds above the cost",
      [100000, 6, col([3]), col([80]), 60000, 40000.01],
      "maintenanceFund：补助 0.00 + 维修资金 60,000.00 + 其他资金 40,000.01 超过造价 100,000.00 元，业主分摊为 -0.01 元（不能为负）",
    ],
    [
      "every household on a floor with coefficient 0",
      [100000, 6, col([1, 2]), col([80, 80])],
      "floors：2 户分摊权重全部为0（如全部位于系数为0的楼层），业主分摊 100,000.00 元无法分摊",
    ],
  ])("one #VALUE! naming the argument and row: %s", (_case, args, message) => {
    const [cost, storeys, floors, areas, m, o] = args as [number, number, unknown[][], unknown[][], number?, number?];
    expect(errorMessage(elevatorShares(cost, storeys, floors, areas, m, o))).toBe(message);
  });
});
