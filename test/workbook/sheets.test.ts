import { toOutputJson } from "../../src/engine";
import {
  SHEETS,
  TABLES,
  WorkbookRead,
  buildAuditSheet,
  buildOutputSheets,
  buildProgrammeSheet,
  buildPublicitySheet,
  buildResultSheet,
  buildSummarySheet,
  buildTemplate,
  countWorkingDays,
  publicityEndDate,
  readInputs,
  ProgrammeEntry,
  SheetData,
  EXAMPLE_INPUT,
} from "../../src/workbook";
import { templateGrids } from "./helpers";

const WORKED = {
  project: { name: "工作示例", area: 8000, costs: { basic: 2000000, improvement: 1000000, enhancement: 500000 }, socialCapital: 100000 },
  households: [
    { id: "1-101", owner: "王芳", area: 88.5, status: "低保户", paid: 1200, participated: true, agreed: true },
    { id: "1-102", owner: "李强", area: 70, paid: 999999, participated: true, agreed: true },
    { id: "1-103", owner: "张伟", area: 100.25, status: "生活困难职工", participated: true, agreed: false },
  ],
};

function read(input = WORKED, settlement?: Record<string, number>): WorkbookRead {
  const r = readInputs(templateGrids({ input, settlement }));
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join("; "));
  return r;
}

/** The row whose first cell is `label`. */
const line = (s: SheetData, label: string) => {
  const row = s.values.find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no row ${label} in ${s.name}`);
  return row;
};

describe("buildResultSheet", () => {
  test("writes one row per household and a total row equal to the project figures to the fen", () => {
    const r = read();
    const s = buildResultSheet(r.result);
    const j = toOutputJson(r.result);
    expect(s.name).toBe(SHEETS.result);
    expect(s.table).toMatchObject({ name: TABLES.result, top: 1, left: 1, rows: 3, totalsRow: true });
    expect(s.values[1]).toEqual([
      "1-101",
      "王芳",
      88.5,
      ...[0, 1, 2].map(() => expect.any(Number)),
      j.households![0].gross,
      0.7,
      j.households![0].relief,
      0,
      j.households![0].net,
      1200,
      j.households![0].balance,
      "补缴",
    ]);
    expect(s.values[2][13]).toBe("退还");
    const total = s.values[4];
    expect(total.slice(0, 7)).toEqual(["合计", "3 户", 258.75, 301886.79, 339622.64, 358490.57, 1000000]);
    expect(total[8]).toBe(j.totals!.relief);
    expect(total[10]).toBe(j.totals!.net);
    expect(s.numberFormats[1][3]).toBe("#,##0.00");
    expect(s.numberFormats[1][7]).toBe("0%");
  });
});

describe("buildSummarySheet", () => {
  test("shows the funding figures of spec §3's worked example and the approval path", () => {
    const r = read();
    const s = buildSummarySheet(r.result, r.stage);
    expect(line(s, "总投资 T（不含加装电梯）")[1]).toBe(3500000);
    expect(line(s, "居民出资基数 R0")[1]).toBe(850000);
    expect(line(s, "财政补助上限")[1]).toBe(2400000);
    expect(line(s, "超上限部分（居民自理）X")[1]).toBe(150000);
    expect(line(s, "  其中完善类")[1]).toBe(339622.64);
    expect(line(s, "每平方米财政补助（元/m²）")[1]).toBe(300);
    expect(line(s, "审批路径")[1]).toMatch(/^三合一/);
    expect(line(s, "自筹资金已全部到位")[1]).toBe("否");
    expect(line(s, "同意改造（双四分之三）")[1]).toBe("未通过");
  });

  test("adds 概算, 决算 and 差额 columns when both stages are filled", () => {
    const r = read(WORKED, { "costs.basic": 2100000, "costs.improvement": 1000000, "costs.enhancement": 500000 });
    const s = buildSummarySheet(r.result, r.stage, r.other);
    expect(s.values.find((x) => x[0] === "项目")!.slice(0, 4)).toEqual(["项目", "概算", "决算", "差额（决算−概算）"]);
    expect(line(s, "总投资 T（不含加装电梯）").slice(1, 4)).toEqual([3500000, 3600000, 100000]);
    expect(line(s, "居民出资基数 R0").slice(1, 4)).toEqual([850000, 860000, 10000]);
  });

  test("writes chart data for the funding mix and collection that the ranges point at", () => {
    const r = read();
    const s = buildSummarySheet(r.result, r.stage);
    expect(s.charts!.map((c) => c.title)).toEqual(["资金构成", "收缴情况"]);
    const [from, to] = s.charts![0].dataRange.split(":").map((a) => Number(a.slice(1)));
    expect(s.values.slice(from - 1, to).map((x) => x.slice(0, 2))).toEqual([
      ["资金构成", "金额（元）"],
      ["居民自筹", 1000000],
      ["社会资金", 100000],
      ["财政补助", 2400000],
    ]);
  });
});

describe("buildAuditSheet", () => {
  test("writes each step with its formula, the numbers put in, the result and the rule", () => {
    const r = read();
    const s = buildAuditSheet(r.result, { time: new Date(2024, 4, 6, 9, 30), version: "9.9.9", stage: r.stage, rowCounts: r.counts });
    const row = (step: string) => s.values.find((x) => x[0] === step)!;
    expect(row("§3.4 补助上限").slice(1, 4)).toEqual(["cap = floor(c × A)", "300 × 8000", 2400000]);
    expect(row("§3.5 财政补助").slice(1, 5)).toEqual([
      "F = min(F0, cap)",
      "min(2,550,000.00, 2,400,000.00)",
      2400000,
      "乐政办发〔2023〕47号 第五条（二）1 低于的按实补助",
    ]);
    expect(row("§3.7 校验")[4]).toBe("相等 ✓");
    expect(row("§4.3 临时救助 70%")[2]).toBe("1 户");
    expect(line(s, "运行时间")[1]).toBe("2024-05-06 09:30:00");
    expect(line(s, "版本")[1]).toBe("9.9.9");
    expect(line(s, "读取行数：住户")[1]).toBe(3);
  });
});

describe("buildPublicitySheet", () => {
  test("lists 房号, 面积 and amounts without names or hardship statuses", () => {
    const r = read();
    const out = buildPublicitySheet(r.result, { start: { year: 2024, month: 5, day: 6 } });
    if (!out.ok) throw new Error(out.en);
    const text = JSON.stringify(out.sheet.values);
    for (const secret of ["王芳", "李强", "张伟", "低保", "生活困难职工"]) expect(text).not.toContain(secret);
    expect(text).toContain("2024-05-06 至 2024-05-14");
    const j = toOutputJson(r.result);
    const first = out.sheet.values.find((x) => x[1] === "1-101")!;
    expect(first).toEqual([1, "1-101", 88.5, j.households![0].gross, j.households![0].relief, j.households![0].net]);
    const third = out.sheet.values.find((x) => x[1] === "1-103")!;
    expect(third[4]).toBe(1000); // the union grant is folded into 救助: no category shows
  });

  test("refuses a publicity period shorter than 7 working days", () => {
    const out = buildPublicitySheet(read().result, { start: { year: 2024, month: 5, day: 6 }, end: { year: 2024, month: 5, day: 13 } });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.zh).toContain("只有 6 个工作日");
  });

  test.each([
    [
      { year: 2024, month: 5, day: 6 },
      { year: 2024, month: 5, day: 14 },
    ], // Monday → next Tuesday
    [
      { year: 2024, month: 5, day: 4 },
      { year: 2024, month: 5, day: 14 },
    ], // Saturday start
    [
      { year: 2024, month: 12, day: 27 },
      { year: 2025, month: 1, day: 6 },
    ], // over the year end
  ])("counts 7 working days from %o to %o", (start, end) => {
    expect(publicityEndDate(start)).toEqual(end);
    expect(countWorkingDays(start, end)).toBe(7);
  });
});

describe("buildProgrammeSheet", () => {
  test("lists fully collected projects first, bad workbooks in their row, and a programme total", () => {
    const a = read();
    const full = read({ ...WORKED, households: WORKED.households.map((h) => ({ ...h, paid: 999999 })) });
    const entries: ProgrammeEntry[] = [
      { file: "a.xlsx", ok: true, read: a },
      { file: "b.xlsx", ok: false, errors: [{ ref: "住户!C2", sheet: "住户", row: 2, col: 3, address: "C2", code: "type.number", zh: "应为数字", en: "x" }] },
      { file: "c.xlsx", ok: true, read: full },
    ];
    const s = buildProgrammeSheet(entries);
    expect(s.values.map((r) => r[1])).toEqual(["文件", "c.xlsx", "a.xlsx", "b.xlsx", "3 个项目"]);
    const col = (h: string) => s.values[0].indexOf(h);
    expect(s.values[1][col("自筹资金已全部到位")]).toBe("是");
    expect(s.values[1][col("未到位金额")]).toBe(0);
    expect(s.values[3][col("问题")]).toBe("住户!C2: 应为数字");
    const total = s.values[4];
    expect(total.slice(4, 8)).toEqual([7000000, 2000000, 200000, 4800000]);
    expect(total[9]).toBe(6);
    expect(total[col("自筹资金已全部到位")]).toBe("1 / 2");
  });
});

describe("buildOutputSheets and buildTemplate", () => {
  test("builds the three output sheets in workbook order", () => {
    expect(buildOutputSheets(read(), { time: new Date(), version: "0" }).map((s) => s.name)).toEqual(["测算结果", "资金汇总", "计算说明"]);
  });

  test("gives the template its three tables, frozen headers and drop-downs", () => {
    const t = buildTemplate({ example: true });
    expect(t.sheets.map((s) => [s.name, s.table?.name, s.freezeRows])).toEqual([
      ["政策参数", "PolicyTable", 1],
      ["项目信息", "ProjectTable", 1],
      ["住户", "HouseholdTable", 1],
      ["加装电梯", "ElevatorTable", 1],
    ]);
    expect(t.sheets[2].values).toHaveLength(EXAMPLE_INPUT.households!.length + 1);
    expect(t.validations.map((v) => [v.sheet, v.range])).toEqual([
      ["住户", "H2:H2001"],
      ["住户", "I2:I2001"],
      ["住户", "F2:F2001"],
      ["政策参数", "B2:B2"],
    ]);
    expect(t.validations[2].values).toContain("特困供养人员");
    expect(buildTemplate().sheets[2].values).toEqual([t.sheets[2].values[0], new Array(14).fill(null)]);
    // 加装电梯 is created empty (one blank row: a table needs a data row) unless the input has elevators.
    expect(buildTemplate().sheets[3].values).toEqual([["单元", "层数", "造价", "维修资金", "其他资金", "补助金额", "备注"], new Array(7).fill(null)]);
  });
});
