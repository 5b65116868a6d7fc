/**
 * 加装电梯 through the standard workbook (workbook-layout.md; elevator-rules.md): the 加装电梯 sheet and
 * the 住户 columns read with every problem at its cell, the 电梯分摊 output sheet to the fen, and the
 * phase-2 lines for 资金汇总 / 计算说明 / 公示 / 项目汇总.
 */
import { calculate, toOutputJson } from "../../src/engine";
import {
  ExampleInput,
  ReadOutcome,
  SheetData,
  SheetGrid,
  WorkbookRead,
  buildElevatorSheet,
  buildOutputSheets,
  elevatorAuditSteps,
  elevatorSheetWanted,
  elevatorSummaryLines,
  householdElevatorLine,
  programmeElevatorFigures,
  readInputs,
  sumProgrammeElevators,
} from "../../src/workbook";
import { setCell, templateGrids } from "./helpers";
import { WORKED_ELEVATOR, WORKED_SHARES } from "../support/elevator-worked";

function expectOk(r: ReadOutcome): WorkbookRead {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.ref}: ${e.en}`).join("\n"));
  return r;
}
const problems = (r: ReadOutcome) => (r.ok ? [] : r.errors.map((e) => [e.ref, e.code]));
const line = (s: SheetData, first: unknown) => s.values.find((r) => r[0] === first)!;

describe("reading 加装电梯 and the 住户 elevator columns", () => {
  test("reads the worked example exactly as the engine reads the same JSON, to the fen", () => {
    const r = expectOk(readInputs(templateGrids({ input: WORKED_ELEVATOR })));
    const json = calculate(WORKED_ELEVATOR);
    if (!json.ok) throw new Error("fixture");
    expect(toOutputJson(r.result)).toEqual(toOutputJson(json.value));
    expect(toOutputJson(r.result).households!.map((h) => h.elevator!.share)).toEqual(WORKED_SHARES);
    expect(r.counts.elevators).toBe(1);
    expect(r.elevatorRows).toEqual([2]);
  });

  test("finds the columns by alias in any order, skips blank rows and a 合计 row after the last elevator", () => {
    const g = templateGrids({ input: WORKED_ELEVATOR });
    const elevators: SheetGrid = {
      sheet: "加装电梯",
      top: 2,
      left: 1,
      values: [
        ["电梯造价", "电梯单元", "备注", "专项维修资金", "楼层数"],
        [650000, "  1幢1单元", "东侧", 30000, 6],
        [null, null, null, null, null],
        ["650000", "合计", null, null, null],
      ],
    };
    const r = expectOk(readInputs({ ...g, elevators }));
    expect(toOutputJson(r.result).elevators![0]).toMatchObject({ unit: "1幢1单元", ownersPart: 360000 });
    expect(r.skippedElevatorRows).toEqual(["加装电梯!B5"]);
  });

  test("a workbook without 加装电梯, or with only its blank row, has no elevators; households may keep their units", () => {
    const g = templateGrids({ input: { ...WORKED_ELEVATOR, elevators: [] } });
    const { elevators: _e, ...without } = g;
    for (const grids of [without, g]) {
      const r = expectOk(readInputs(grids));
      expect(r.result.elevators).toBeUndefined();
      expect(buildOutputSheets(r, { time: new Date(0), version: "t" }).map((s) => s.name)).toEqual(["测算结果", "资金汇总", "计算说明"]);
    }
  });

  test("names every bad cell: 加装电梯!C3, 住户!L7, … — 住户 first, then 加装电梯", () => {
    const two: ExampleInput = {
      ...WORKED_ELEVATOR,
      project: { ...WORKED_ELEVATOR.project, elevatorCost: undefined },
      households: [...WORKED_ELEVATOR.households!, { id: "2-301", area: 90, unit: "2幢1单元", floor: 3 }],
      elevators: [...WORKED_ELEVATOR.elevators!, { unit: "2幢1单元", storeys: 6, cost: 500000 }],
    };
    const g = templateGrids({ input: two });
    setCell(g.households, "N9", -5); // 1-402: 电梯已缴 negative
    setCell(g.households, "L7", 9); // 1-302 on floor 9 of a 6-storey elevator
    setCell(g.households, "L8", "四楼"); // 1-401: not a number
    setCell(g.households, "L14", null); // 2-301: no floor
    // Every problem at once: the rows' own problems first, then how the valid rows fit their elevators.
    const r = readInputs(g);
    expect(problems(r)).toEqual([
      ["住户!N9", "money.negative"],
      ["住户!L7", "elevator.floorRange"],
      ["住户!L8", "type.number"],
      ["住户!L14", "elevator.floorMissing"],
    ]);
    expect(!r.ok && r.errors[1].zh).toBe("楼层应为 1 到 6 的整数（单元“1幢1单元”的电梯服务 6 层），实为 9");
    const g2 = templateGrids({ input: two });
    setCell(g2.elevators, "C3", -500000); // the second elevator's cost
    setCell(g2.elevators, "B2", 1); // storeys 1
    expect(problems(readInputs(g2))).toEqual([
      ["加装电梯!B2", "elevator.storeys"],
      ["加装电梯!C3", "money.negative"],
    ]);
  });

  test("a floor that is not a number is named at its cell once the household shares an elevator", () => {
    const g = templateGrids({ input: WORKED_ELEVATOR });
    setCell(g.households, "L8", "四楼");
    expect(problems(readInputs(g))).toEqual([["住户!L8", "type.number"]]);
  });

  test("names both places when Σ E differs from 项目信息's 加装电梯费用, and the row of an elevator whose funds exceed its cost", () => {
    const g = templateGrids({ input: { ...WORKED_ELEVATOR, project: { ...WORKED_ELEVATOR.project, elevatorCost: 600000 } } });
    const r = readInputs(g);
    expect(problems(r)).toEqual([["项目信息!C8", "elevator.costMismatch"]]);
    expect(!r.ok && r.errors[0].zh).toBe(
      "加装电梯费用 600000.00 元与各电梯造价合计 650000.00 元（加装电梯!C2）不一致；两者应相等到分（按概算列测算：决算列未填写费用）",
    );
    const g2 = templateGrids({ input: WORKED_ELEVATOR });
    setCell(g2.elevators, "E2", 400000); // other funds: 260000 + 30000 + 400000 > 650000
    const r2 = readInputs(g2);
    expect(problems(r2)).toEqual([["加装电梯!A2", "elevator.fundsExceedCost"]]);
  });

  test("names a duplicate unit with both cells, an elevator no household names, and a missing 造价 column", () => {
    const g = templateGrids({ input: { ...WORKED_ELEVATOR, project: { ...WORKED_ELEVATOR.project, elevatorCost: undefined } } });
    setCell(g.elevators, "A3", "１幢１单元");
    setCell(g.elevators, "B3", 6);
    setCell(g.elevators, "C3", 1);
    const r = readInputs(g);
    expect(problems(r)).toEqual([["加装电梯!A3", "elevator.unitDuplicate"]]);
    expect(!r.ok && r.errors[0].zh).toBe("单元重复：１幢１单元（与 加装电梯!A2 相同）；每个单元一行，一台电梯");
    const g2 = templateGrids({ input: { ...WORKED_ELEVATOR, project: { ...WORKED_ELEVATOR.project, elevatorCost: undefined } } });
    setCell(g2.elevators, "A2", "1幢2单元");
    expect(problems(readInputs(g2))).toEqual([["加装电梯!A2", "elevator.noHouseholds"]]);
    const g3 = templateGrids({ input: WORKED_ELEVATOR });
    setCell(g3.elevators, "C1", "价格");
    expect(problems(readInputs(g3))).toEqual([["加装电梯", "column.missing"]]);
  });
});

describe("电梯分摊", () => {
  const r = expectOk(readInputs(templateGrids({ input: WORKED_ELEVATOR })));
  const s = buildElevatorSheet(r.result, { stage: r.stage });

  test("comes after 测算结果 when 加装电梯 has rows", () => {
    expect(buildOutputSheets(r, { time: new Date(0), version: "t" }).map((x) => x.name)).toEqual(["测算结果", "电梯分摊", "资金汇总", "计算说明"]);
  });

  test("the per-elevator table: §8's G = 260,000.00 and P = 360,000.00, with a total row", () => {
    expect(s.table).toMatchObject({ name: "ElevatorResultTable", top: 5, left: 1, rows: 1, totalsRow: true });
    expect(s.values[4].slice(0, 11)).toEqual(["单元", "层数", "造价", "补助方式", "补助", "维修资金", "其他资金", "业主分摊", "户数", "表决", "到位比例"]);
    expect(s.values[5].slice(0, 11)).toEqual(["1幢1单元", 6, 650000, "按造价 40%，上限 280,000.00", 260000, 30000, 0, 360000, 12, "未表决", 0]);
    expect(s.values[6].slice(0, 11)).toEqual(["合计", "1 台", 650000, null, 260000, 30000, 0, 360000, 12, "0 / 1 台通过", 0]);
    expect(s.numberFormats[5][2]).toBe("#,##0.00");
    expect(s.numberFormats[5][10]).toBe("0.00%");
  });

  test("the per-household listing: §8's shares to the fen, and a 小计 equal to P", () => {
    const header = s.values.findIndex((x) => x[0] === "单元" && x[1] === "楼层");
    const rows = s.values.slice(header + 1, header + 13);
    expect(rows.map((x) => [x[0], x[1], x[2], x[4], x[5], x[6]])).toEqual(
      WORKED_SHARES.map((share, i) => {
        const f = Math.floor(i / 2) + 1;
        return ["1幢1单元", f, `1-${f}0${(i % 2) + 1}`, [0, 0, 0.7, 0.8, 0.9, 1][f - 1], [0, 0, 56, 64, 72, 80][f - 1], share];
      }),
    );
    expect(rows[11].slice(6, 12)).toEqual([52941.18, 0, 52941.18, 0, 52941.18, "补缴"]);
    expect(line(s, "1幢1单元 小计").slice(6, 12)).toEqual([360000, 0, 360000, 0, 360000, "等于业主分摊"]);
    expect(line(s, "合计")).toBeDefined();
  });

  test("the bundled example: two elevators with approved subsidies, hand-checked shares, units without an elevator listed", () => {
    const ex = expectOk(readInputs(templateGrids()));
    const sheet = buildElevatorSheet(ex.result, { stage: ex.stage });
    // 1幢1单元: P = 310,000 − 124,000 − 20,000 − 0 = 166,000.00 over floors 3–5 by area (coefficients 0,0,1):
    // Σw = 74.8 + 62.35 + 88.5 + 118.72 + 88.5 + 88.5 = 521.37; exact fen 2381571.63, 1985173.68, 2817768.57,
    // 3779948.98, 2817768.57 ×2 → floors sum 16599996, 4 fen to .98 (1-402), .68 (1-302), .63 (1-301), .57 (1-401).
    // 1幢2单元: P = 290,000 − 116,000 − 18,000 − 6,000 = 150,000.00; Σw = 580.08; exact fen 1934215.97, 2359846.92,
    // 2673769.14, 3069921.39, 2288477.45, 2673769.14 → 3 fen to .97 (1-303), .92 (1-304), .45 (1-503).
    const share = (id: string) => sheet.values.find((x) => x[2] === id)![6];
    expect(["1-301", "1-302", "1-401", "1-402", "1-501", "1-502"].map(share)).toEqual([23815.72, 19851.74, 28177.69, 37799.49, 28177.68, 28177.68]);
    expect(["1-303", "1-304", "1-403", "1-404", "1-503", "1-504"].map(share)).toEqual([19342.16, 23598.47, 26737.69, 30699.21, 22884.78, 26737.69]);
    expect(["1-101", "1-102", "1-201", "1-202"].map(share)).toEqual([0, 0, 0, 0]);
    expect(line(sheet, "1幢1单元 小计")[6]).toBe(166000);
    expect(line(sheet, "1幢2单元 小计")[6]).toBe(150000);
    // 1-501 paid 30,000 of 28,177.68 → 退还 1,822.32; 1-301 paid 12,000 of 23,815.72 → 补缴 11,815.72
    expect(sheet.values.find((x) => x[2] === "1-501")!.slice(9, 12)).toEqual([30000, -1822.32, "退还"]);
    expect(sheet.values.find((x) => x[2] === "1-301")!.slice(9, 12)).toEqual([12000, 11815.72, "补缴"]);
    // Votes (exclusive areas): 1幢1单元 participation 655.25 / 731.36 and 9 / 10, agreement 525.52 / 655.25 and 7 / 9 →
    // 4 × 525.52 = 2102.08 ≥ 3 × 655.25 = 1965.75 and 28 ≥ 27: 通过. 1幢2单元: 705.73 / 794.65, 9 / 10; 641.4 / 705.73, 8 / 9: 通过.
    expect(sheet.values.slice(5, 7).map((x) => [x[0], x[3], x[4], x[7], x[9]])).toEqual([
      ["1幢1单元", "核定补助", 124000, 166000, "通过"],
      ["1幢2单元", "核定补助", 116000, 150000, "通过"],
    ]);
    // collection 1幢1单元: (12000 + 15000 + 20000 + 28177.68) / 166000 = 0.45287… → 45.28%
    expect(sheet.values[5][10]).toBe(0.4528);
    expect(sheet.values.slice(-3)).toEqual([
      ["单元", "户数", ...new Array(10).fill(null)],
      ["2幢1单元", 10, ...new Array(10).fill(null)],
      ["2幢2单元", 10, ...new Array(10).fill(null)],
    ]);
  });

  test("is written when an earlier run left one, with a note instead of old figures", () => {
    const none = expectOk(readInputs(templateGrids({ input: { ...WORKED_ELEVATOR, elevators: [] } })));
    expect(elevatorSheetWanted(none.result)).toBe(false);
    expect(elevatorSheetWanted(none.result, ["测算结果", "电梯分摊"])).toBe(true);
    const sheets = buildOutputSheets(none, { time: new Date(0), version: "t", existingSheets: ["电梯分摊"] });
    expect(sheets[1].values.map((x) => x[0])).toEqual([
      "电梯分摊（加装电梯每户分摊）",
      "项目：加装电梯示例　　测算阶段：概算　　日期：1970-01-01　　金额单位：元",
      "加装电梯表没有数据：本次测算没有电梯分摊。",
    ]);
  });
});

describe("the elevator lines for 资金汇总, 计算说明, 公示 and 项目汇总 (phase 2)", () => {
  const r = expectOk(readInputs(templateGrids({ input: WORKED_ELEVATOR })));

  test("资金汇总: Σ E (equal to 加装电梯费用), Σ G, M, O, Σ P, payable, collection and votes", () => {
    const lines = elevatorSummaryLines(r.result);
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ["加装电梯台数", 1],
      ["电梯造价合计 ΣE（不计入总投资）", 650000],
      ["电梯政府补助合计 ΣG", 260000],
      ["电梯维修资金合计 ΣM", 30000],
      ["电梯其他资金合计 ΣO", 0],
      ["电梯业主分摊合计 ΣP = ΣE - ΣG - ΣM - ΣO", 360000],
      ["电梯应缴合计", 360000],
      ["电梯已缴合计", 0],
      ["电梯未到位", 360000],
      ["电梯到位比例", 0],
      ["电梯表决通过", "0 / 1 台"],
    ]);
    expect(lines[1].rule).toBe("等于项目信息“加装电梯费用”；乐政办发〔2023〕47号 第五条（二）1 不包括加装电梯投资额");
    expect(elevatorSummaryLines(expectOk(readInputs(templateGrids({ input: { ...WORKED_ELEVATOR, elevators: [] } }))).result)).toEqual([]);
  });

  test("计算说明: each step with its formula, the numbers put in and the rule", () => {
    const steps = elevatorAuditSteps(r.result);
    expect(steps.map((x) => [x.step, x.formula, x.put, x.value])).toEqual([
      ["电梯§2 补助·1幢1单元", "G = min(round(0.4 × 650,000.00), 280,000.00, 650,000.00)", "按造价 40%，上限 280,000.00 元/台（6 层）", 260000],
      ["电梯§3 业主分摊·1幢1单元", "P = E - G - M - O", "650,000.00 - 260,000.00 - 30,000.00 - 0.00", 360000],
      [
        "电梯§4 分摊·1幢1单元",
        "每户 = P × k(楼层) × 建筑面积 ÷ Σ权重，最大余额法到分",
        "360,000.00 分摊至 12 户（Σ权重 544；楼层系数 0, 0, 0.7, 0.8, 0.9, 1）",
        360000,
      ],
      ["电梯§4.5 应补(退)·1幢1单元", "Σ(应缴 - 电梯已缴)", "360,000.00 - 0.00", 360000],
      ["电梯§4.5 到位比例·1幢1单元", "Σ min(已缴, 应缴) ÷ Σ 应缴", "0.00 ÷ 360,000.00", 0],
      ["电梯§6 造价合计", "Σ E = 项目信息“加装电梯费用”", "650,000.00", 650000],
    ]);
    expect(steps[0].rule).toContain("政策参数 elevator.subsidy.*");
    expect(steps[5].rule).toBe("相等；不计入总投资 T — 乐政办发〔2023〕47号 第五条（二）1");
  });

  test("计算说明 of the bundled example: the approved subsidy, the vote, and the units without an elevator", () => {
    const ex = expectOk(readInputs(templateGrids()));
    const steps = elevatorAuditSteps(ex.result);
    expect(steps[0]).toMatchObject({ formula: "G = 核定补助金额 124,000.00（≤ E = 310,000.00）", value: 124000 });
    expect(steps.find((x) => x.step === "电梯§5 表决·1幢1单元")).toMatchObject({
      put: "参与 面积 655.25 m² / 731.36 m²，户数 9 / 10；同意 面积 525.52 m² / 655.25 m²，户数 7 / 9",
      value: "通过 / 通过",
    });
    expect(steps[steps.length - 1]).toMatchObject({ step: "电梯§4.1 未加装电梯的单元", put: "2幢1单元 10 户、2幢2单元 10 户", value: 20 });
  });

  test("公示 / 缴费通知单: a household's elevator part, or nothing when it shares none", () => {
    const ex = expectOk(readInputs(templateGrids()));
    const i = ex.result.input.households!.findIndex((h) => h.id === "1-501");
    expect(householdElevatorLine(ex.result, i)).toEqual({
      unit: "1幢1单元",
      floor: 5,
      share: 28177.68,
      relief: 0,
      net: 28177.68,
      paid: 30000,
      balance: -1822.32,
      status: "退还",
    });
    expect(
      householdElevatorLine(
        ex.result,
        ex.result.input.households!.findIndex((h) => h.id === "2-501"),
      ),
    ).toBeUndefined();
    expect(householdElevatorLine(ex.result, 0)).toMatchObject({ share: 0, status: "已结清" });
  });

  test("项目汇总: each project's elevator figures and their exact programme sum", () => {
    const ex = expectOk(readInputs(templateGrids()));
    const a = programmeElevatorFigures(ex.result)!;
    const b = programmeElevatorFigures(r.result)!;
    // the example: 124,000 + 116,000 = 240,000; P 166,000 + 150,000 = 316,000; collected 75,177.68 + 59,622.47
    expect([a.elevators, a.cost.toFixed(2), a.subsidy.toFixed(2), a.ownersPart.toFixed(2), a.collected]).toEqual([
      2,
      "600000.00",
      "240000.00",
      "316000.00",
      13480015,
    ]);
    const sum = sumProgrammeElevators([a, undefined, b]);
    expect([sum.elevators, sum.cost.toFixed(2), sum.ownersPart.toFixed(2), sum.outstanding.toFixed(2), sum.votesPassed]).toEqual([
      3,
      "1250000.00",
      "676000.00",
      // 316,000 − 134,800.15 + 360,000
      "541199.85",
      2,
    ]);
    // 134,800.15 ÷ 676,000 = 0.19940… → 19.94%
    expect(sum.collectionRate).toBe(0.1994);
    const none = expectOk(readInputs(templateGrids({ input: { ...WORKED_ELEVATOR, elevators: [] } })));
    expect(programmeElevatorFigures(none.result)).toBeUndefined();
  });
});
