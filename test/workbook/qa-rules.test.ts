/**
 * Layout rules from the QA pass (shared by the task pane and the command line): total rows under the
 * household data, formulas without a calculated result, the stage named in 项目信息 errors, 项目信息
 * without 字段 / 决算 columns, the working-day note of 公示, and the presentation of the output sheets.
 */
import { toOutputJson } from "../../src/engine";
import {
  CellValue,
  ProgrammeEntry,
  ReadOutcome,
  SheetData,
  SheetGrid,
  WorkbookRead,
  buildOutputSheets,
  buildProgrammeSheet,
  buildPublicitySheet,
  isTotalLabel,
  locateTable,
  readInputs,
} from "../../src/workbook";
import { APPROVAL_PATH_TEXTS } from "../../src/engine";
import { SMALL, setCell, templateGrids } from "./helpers";

function expectOk(r: ReadOutcome): WorkbookRead {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.ref}: ${e.en}`).join("\n"));
  return r;
}
const errorsOf = (r: ReadOutcome) => (r.ok ? [] : r.errors.map((e) => [e.ref, e.code]));
const clean = () => expectOk(readInputs(templateGrids({ input: SMALL })));
/** A total row as users type it: the label, then sums (area, paid). */
const totalRow = (label: string): CellValue[] => [label, null, 258.75, null, null, null, 1200, null, null, null];

describe("total rows under the household data", () => {
  test.each(["合计", "总计", "小计", "合 计", "合\u3000计", " TOTAL ", "Sum", "ＳＵＭ"])("skips a %j row after the last household", (label) => {
    const g = templateGrids({ input: SMALL });
    (g.households.values as CellValue[][]).push(totalRow(label));
    const r = expectOk(readInputs(g));
    expect(r.skippedRows).toEqual(["住户!A5"]);
    expect(r.counts.households).toBe(3);
    // Nothing halved, nothing doubled: the same figures as without the row.
    expect(toOutputJson(r.result)).toEqual(toOutputJson(clean().result));
  });

  test("skips total rows after blank rows at the end of a sheet without a table", () => {
    const values: CellValue[][] = [
      ["虹桥新村住户清单"],
      [],
      ["房号", "户主", "建筑面积", "已缴金额"],
      ["1-101", "王芳", 88.5, 1200],
      ["1-102", "李强", 70, 0],
      [],
      ["小计", null, 158.5, 1200],
      ["总计", null, 158.5, 1200],
    ];
    const households = locateTable("住户", "households", values);
    const r = expectOk(readInputs({ ...templateGrids({ input: SMALL }), households }));
    expect(r.input.households).toHaveLength(2);
    expect(r.skippedRows).toEqual(["住户!A7", "住户!A8"]);
    expect(toOutputJson(r.result).totals!.paid).toBe(1200);
  });

  test("never reads a skipped total row's other cells (a formula without a result there is no error)", () => {
    const g = templateGrids({ input: SMALL });
    (g.households.values as CellValue[][]).push(["合计", null, null, null, null, null, null]);
    const households: SheetGrid = { ...g.households, noResult: new Map([["C5", "SUM(C2:C4)"]]) };
    expect(expectOk(readInputs({ ...g, households })).skippedRows).toEqual(["住户!A5"]);
  });

  test("refuses a total row above a household, naming its cell", () => {
    const g = templateGrids({ input: SMALL });
    (g.households.values as CellValue[][]).splice(2, 0, totalRow("合计"));
    const r = readInputs(g);
    expect(errorsOf(r)).toEqual([["住户!A3", "row.totalNotLast"]]);
    if (!r.ok) {
      expect(r.errors[0].zh).toContain("合计行应在住户表末尾");
      expect(r.errors[0].zh).toContain("住户!A4");
      expect(r.errors[0].en).toContain("a total row must come after the last household");
    }
  });

  test("lists the skipped rows in 计算说明's run information", () => {
    const g = templateGrids({ input: SMALL });
    (g.households.values as CellValue[][]).push(totalRow("合计"));
    const audit = buildOutputSheets(expectOk(readInputs(g)), { time: new Date(2024, 4, 6), version: "0" })[2];
    const row = audit.values.find((x) => x[0] === "跳过的合计行");
    expect(row?.[1]).toBe("住户!A5（房号为合计/总计/小计/Total/Sum，位于最后一户之后，不计为住户）");
    // Without skipped rows there is no such line.
    expect(buildOutputSheets(clean(), { time: new Date(), version: "0" })[2].values.some((x) => x[0] === "跳过的合计行")).toBe(false);
  });

  test("recognises the labels only in full", () => {
    expect(["合计", "合　计", "Total", "sum", "小 计"].every(isTotalLabel)).toBe(true);
    expect(["合计户数", "1-101", "", null, 0, "总"].some(isTotalLabel)).toBe(false);
  });
});

describe("formulas without a calculated result", () => {
  test("is an error naming its cell, not a blank (已缴 would become 0)", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.households, "G2", null);
    const households: SheetGrid = { ...g.households, noResult: new Map([["G2", "1000*3"]]) };
    const r = readInputs({ ...g, households });
    expect(errorsOf(r)).toEqual([["住户!G2", "formula.noResult"]]);
    if (!r.ok) {
      expect(r.errors[0].zh).toContain("公式没有计算结果，请在 Excel 中重新计算并保存");
      expect(r.errors[0].en).toContain("the formula has no calculated value; recalculate and save in Excel");
      expect(r.errors[0].found).toBe("=1000*3");
    }
  });

  test("on 项目信息 it replaces the 'required value is missing' message", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.project, "C3", null);
    const project: SheetGrid = { ...g.project, noResult: new Map([["C3", "3000+493.58"]]) };
    expect(errorsOf(readInputs({ ...g, project }))).toEqual([["项目信息!C3", "formula.noResult"]]);
  });

  test("in a column that is not read (备注) it is no error", () => {
    const g = templateGrids({ input: SMALL });
    const households: SheetGrid = { ...g.households, noResult: new Map([["J2", "A1&B1"]]) };
    expect(readInputs({ ...g, households }).ok).toBe(true);
  });

  test("in a policy value it is an error, even for cap.perSqm where blank means no cap", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.policy, "B6", null);
    const policy: SheetGrid = { ...g.policy, noResult: new Map([["B6", "200+100"]]) };
    expect(errorsOf(readInputs({ ...g, policy }))).toEqual([["政策参数!B6", "formula.noResult"]]);
  });
});

describe("the stage in 项目信息 errors", () => {
  test("one 0 in a 决算 cost cell computes 决算, and the error says so and why", () => {
    const g = templateGrids({ input: SMALL, settlement: { "costs.enhancement": 0 } });
    const r = readInputs(g);
    expect(errorsOf(r)).toEqual([["项目信息!C7", "funding.socialCapital"]]);
    if (r.ok) return;
    const e = r.errors[0];
    expect(e.zh).toContain("（按决算列测算：项目信息!D6 已填写；本项决算为空，沿用概算值）");
    expect(e.en).toContain("(computing the 决算 column: 项目信息!D6 is filled; this row's 决算 cell is blank, so its 概算 value is used)");
  });

  test("an error on a 决算 value names the 决算 cell", () => {
    const g = templateGrids({ input: SMALL, settlement: { "costs.enhancement": 0, socialCapital: 50000 } });
    const r = readInputs(g);
    expect(errorsOf(r)).toEqual([["项目信息!D7", "funding.socialCapital"]]);
    if (!r.ok) expect(r.errors[0].zh).toMatch(/（按决算列测算：项目信息!D6 已填写）$/);
  });

  test("a comparison-stage error says it is the other column", () => {
    const g = templateGrids({ input: SMALL, settlement: { "costs.basic": 2000000 } });
    setCell(g.project, "C4", -1);
    const r = readInputs(g);
    expect(errorsOf(r).map((e) => e[0])).toEqual(["项目信息!C4"]);
    if (!r.ok) expect(r.errors[0].zh).toContain("（概算列（与决算对照））");
  });

  test("概算 errors say no 决算 cost is filled; household errors carry no stage", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.project, "C4", "两百万");
    setCell(g.households, "C2", 0);
    const r = readInputs(g);
    if (r.ok) throw new Error("expected errors");
    expect(r.errors[0].zh).toBe('应为数字，实为 "两百万"（按概算列测算：决算列未填写费用）');
    expect(r.errors[1].zh).not.toContain("按");
  });

  test("资金汇总 and 计算说明 name the filled 决算 cells on their stage line", () => {
    const r = expectOk(readInputs(templateGrids({ input: SMALL, settlement: { "costs.basic": 2100000, "costs.enhancement": 0 } })));
    expect(r.stageBasis).toEqual({ stage: "settlement", settlementCells: ["项目信息!D4", "项目信息!D6"], settlementColumn: true });
    const [, summary, audit] = buildOutputSheets(r, { time: new Date(), version: "0" });
    expect(summary.values.find((x) => String(x[0]).startsWith("测算阶段："))?.[0]).toContain("按决算列测算：项目信息!D4、项目信息!D6 已填写");
    expect(audit.values.find((x) => x[0] === "测算阶段")?.[1]).toBe("决算：按决算列测算：项目信息!D4、项目信息!D6 已填写");
  });
});

describe("项目信息 without the 字段 or the 决算 column", () => {
  /** 项目信息 as rows of [项目 label, 概算] (no 字段, no 决算). */
  const labelled = (labels: [string, CellValue][]): SheetGrid => ({ sheet: "项目信息", top: 1, left: 1, values: [["项目", "概算"], ...labels] });

  test("matches rows by their 项目 label, units in brackets ignored, and computes 概算", () => {
    const project = labelled([
      ["项目名称", "小区"],
      ["改造建筑面积", 8000],
      ["基础类费用(元)", 2000000],
      ["完善类费用（元）", 1000000],
      ["提升类费用", 500000],
      ["社会资金（元）", 100000],
    ]);
    const r = expectOk(readInputs({ ...templateGrids({ input: SMALL }), project }));
    expect(r.stage).toBe("estimate");
    expect(r.stageBasis.settlementColumn).toBe(false);
    expect(toOutputJson(r.result)).toEqual(toOutputJson(clean().result));
    expect(r.cells.get("project.costs.basic")?.ref).toBe("项目信息!B4");
  });

  test("without 决算 a 字段 sheet is 概算 only", () => {
    const g = templateGrids({ input: SMALL });
    const project: SheetGrid = { ...g.project, values: g.project.values.map((row) => row.slice(0, 3)) };
    const r = expectOk(readInputs({ ...g, project }));
    expect([r.stage, r.other]).toEqual(["estimate", undefined]);
  });

  test("refuses a sheet with neither 字段 nor 项目, naming both headers", () => {
    const project: SheetGrid = {
      sheet: "项目信息",
      top: 1,
      left: 1,
      values: [
        ["名称", "概算"],
        ["改造建筑面积", 8000],
      ],
    };
    const r = readInputs({ ...templateGrids({ input: SMALL }), project });
    expect(errorsOf(r)).toEqual([["项目信息", "column.keyOrLabel"]]);
    if (!r.ok) expect(r.errors[0].zh).toMatch(/缺少列“字段”.*或“项目”/);
  });

  test("refuses a label sheet without a recognisable area row, naming the expected label", () => {
    const r = readInputs({ ...templateGrids({ input: SMALL }), project: labelled([["基础类费用", 1000]]) });
    expect(errorsOf(r)).toEqual([["项目信息", "row.missing"]]);
    if (!r.ok) expect(r.errors[0].zh).toContain("改造建筑面积");
  });

  test("refuses amounts stated in 万元 rather than reading them as 元", () => {
    const r = readInputs({
      ...templateGrids({ input: SMALL }),
      project: labelled([
        ["改造建筑面积", 8000],
        ["基础类费用（万元）", 200],
      ]),
    });
    expect(errorsOf(r)).toEqual([["项目信息!A3", "column.unit"]]);
    const households: SheetGrid = {
      sheet: "住户",
      top: 1,
      left: 1,
      values: [
        ["房号", "建筑面积", "已缴金额（万元）"],
        ["1", 50, 0.12],
      ],
    };
    expect(errorsOf(readInputs({ ...templateGrids({ input: SMALL }), households }))).toEqual([["住户!C1", "column.unit"]]);
  });
});

describe("公示 working days", () => {
  test("says the count follows the statutory holidays and 调休 days", () => {
    // 2024-09-30 (Mon), then 国庆 10-01…10-07 off, 10-12 (Sat) worked: 9-30, 10-08, 09, 10, 11, 12, 14.
    const out = buildPublicitySheet(clean().result, { start: { year: 2024, month: 9, day: 30 } });
    if (!out.ok) throw new Error(out.zh);
    const texts = out.sheet.values.map((r) => String(r[0] ?? ""));
    expect(texts.find((t) => t.includes("公示期"))).toContain("公示期：2024年9月30日 至 2024年10月14日（7 个工作日）");
    expect(texts.find((t) => t.startsWith("公示时间不少于"))).toContain("工作日已扣除法定节假日、计入调休上班日");
  });

  test("says so when the period reaches a year without holiday data, counting it Monday–Friday", () => {
    const out = buildPublicitySheet(clean().result, { start: { year: 2026, month: 12, day: 28 } });
    if (!out.ok) throw new Error(out.zh);
    // Mon 2026-12-28 … Thu 12-31 (4), then 2027 counted Monday–Friday: Fri 01-01, Mon 01-04, Tue 01-05.
    expect(out.end).toEqual({ year: 2027, month: 1, day: 5 });
    expect(out.calendar.covered).toBe(false);
    const texts = out.sheet.values.map((r) => String(r[0] ?? ""));
    expect(texts.find((t) => t.startsWith("公示时间不少于"))).toContain(
      "注意：2027年的法定节假日安排未收录（本工具数据为 2004–2026 年），该年按周一至周五计算",
    );
  });
});

describe("presentation of the output sheets", () => {
  const cellOf = (s: SheetData, label: string, col = 1) => {
    const r = s.values.findIndex((x) => x[0] === label);
    return { value: s.values[r][col], format: s.numberFormats[r][col], address: `${String.fromCharCode(65 + col)}${r + 1}` };
  };

  test("资金汇总's 审批路径 is a short General text cell, its full sentence in the wrapped 依据 column", () => {
    const [, summary] = buildOutputSheets(clean(), { time: new Date(), version: "0" });
    const c = cellOf(summary, "审批路径");
    expect(c.value).toBe("三合一");
    expect(c.format).toBe("General");
    expect(cellOf(summary, "审批路径", 2).value).toBe(`${APPROVAL_PATH_TEXTS.merge3.zh}（乐政办发〔2023〕47号 第四条（四））`);
    expect(summary.styles).toContainEqual({ range: expect.stringMatching(/^C\d+:C\d+$/), wrap: true });
    // Both stages: neither text cell money-formatted.
    const both = expectOk(readInputs(templateGrids({ input: SMALL, settlement: { "costs.basic": 2100000 } })));
    const [, s2] = buildOutputSheets(both, { time: new Date(), version: "0" });
    const r = s2.values.findIndex((x) => x[0] === "审批路径");
    expect(s2.numberFormats[r].slice(1, 3)).toEqual(["General", "General"]);
  });

  test("every output sheet has A4 print setup, its title block and table header repeated on every page", () => {
    const read = clean();
    const sheets = buildOutputSheets(read, { time: new Date(), version: "0" });
    const pub = buildPublicitySheet(read.result, { start: { year: 2024, month: 5, day: 6 } });
    if (!pub.ok) throw new Error(pub.zh);
    const programme = buildProgrammeSheet([{ file: "a.xlsx", ok: true, read }]);
    const all = [...sheets, pub.sheet, programme];
    expect(all.map((s) => [s.name, s.print?.paperSize, s.print?.orientation, s.print?.fitToWidth, s.print?.titleRows])).toEqual([
      ["测算结果", "A4", "landscape", 1, { first: 1, last: 3 }],
      ["资金汇总", "A4", "portrait", 1, { first: 1, last: 2 }],
      ["计算说明", "A4", "landscape", 1, { first: 1, last: 3 }],
      ["公示", "A4", "portrait", 1, { first: 1, last: pub.sheet.freezeRows }],
      // Two pages wide at 100%: 序号, 文件, 项目名称 on both.
      ["项目汇总", "A4", "landscape", 2, { first: 1, last: 4 }],
    ]);
    expect(programme.print?.titleColumns).toEqual({ first: 1, last: 3 });
    // The last repeated row is the table header.
    expect(pub.sheet.values[pub.sheet.freezeRows! - 1][0]).toBe("序号");
    expect(sheets[0].values[2][0]).toBe("房号");
    expect(programme.values[3][0]).toBe("序号");
  });

  test("项目汇总: short approval paths, outstanding money in its own column, 问题 only for problems", () => {
    expect(Object.values(APPROVAL_PATH_TEXTS).map((t) => t.short)).toEqual(["三合一", "二合一", "分别审批"]);
    const read = clean();
    const entries: ProgrammeEntry[] = [
      { file: "a.xlsx", ok: true, read },
      { file: "b.xlsx", ok: false, errors: [], message: "不是 Excel 工作簿 / not an Excel workbook" },
    ];
    const s = buildProgrammeSheet(entries);
    const h = s.table!.top - 1;
    const col = (name: string) => s.values[h].indexOf(name);
    const t = read.result.totals!;
    expect(s.values[h + 1][col("审批路径")]).toBe("三合一");
    expect(s.values[h + 1][col("未到位金额")]).toBe((t.net - t.collected) / 100);
    expect(s.numberFormats[h + 1][col("未到位金额")]).toBe("#,##0.00");
    expect(s.values[h + 1][col("问题")]).toBeNull();
    expect(s.values[h + 2][col("问题")]).toContain("不是 Excel 工作簿");
    const total = s.values[h + 3];
    expect(total[col("问题")]).toBeNull();
    expect(total[col("未到位金额")]).toBe((t.net - t.collected) / 100);
  });
});
