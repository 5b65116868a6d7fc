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
import { SOURCES } from "../../src/engine";
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

/** The rows of a sheet's table: header, data rows, total row (from its TableSpec). */
function tableRows(s: SheetData) {
  const t = s.table!;
  return { header: s.values[t.top - 1], rows: s.values.slice(t.top, t.top + t.rows), total: s.values[t.top + t.rows] };
}

describe("buildResultSheet", () => {
  test("writes a title block, one row per household and a total row equal to the project figures to the fen", () => {
    const r = read();
    const s = buildResultSheet(r.result, { stage: r.stage, time: new Date(2026, 10, 30, 9, 0) });
    const j = toOutputJson(r.result);
    expect(s.name).toBe(SHEETS.result);
    expect(s.values[0][0]).toBe("测算结果（每户分摊、救助与应缴）");
    expect(s.values[1][0]).toBe("项目：工作示例　　测算阶段：概算　　日期：2026-11-30　　金额单位：元；面积单位：m²");
    expect(s.table).toMatchObject({ name: TABLES.result, top: 3, left: 1, rows: 3, totalsRow: true });
    const { header, rows, total } = tableRows(s);
    expect(header[0]).toBe("房号");
    expect(rows[0]).toEqual([
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
    expect(rows[1][13]).toBe("退还");
    // Spec §3's worked example: R 1,000,000.00 by tier 301,886.79 / 339,622.64 / 358,490.57.
    expect(total.slice(0, 7)).toEqual(["合计", "3 户", 258.75, 301886.79, 339622.64, 358490.57, 1000000]);
    expect(total[8]).toBe(j.totals!.relief);
    expect(total[10]).toBe(j.totals!.net);
    expect(s.numberFormats[3][3]).toBe("#,##0.00");
    expect(s.numberFormats[3][7]).toBe("0%");
    expect(s.freezeRows).toBe(3);
    expect(s.merges).toEqual(["A1:N1", "A2:N2"]);
    expect(s.font).toEqual({ name: "等线", size: 10 });
  });
});

describe("buildSummarySheet", () => {
  test("shows the funding figures of spec §3's worked example and the approval path", () => {
    const r = read();
    const s = buildSummarySheet(r.result, r.stage);
    expect(line(s, "总投资 T（不含加装电梯）")[1]).toBe(3500000);
    expect(line(s, "居民出资基数 R0")[1]).toBe(850000);
    expect(line(s, "财政补助上限")[1]).toBe(2400000);
    expect(line(s, "超上限部分 X（居民自理）")[1]).toBe(150000);
    expect(line(s, "　其中完善类")[1]).toBe(339622.64);
    expect(line(s, "每平方米财政补助（元/m²）")[1]).toBe(300);
    expect(line(s, "审批路径")[1]).toBe("三合一");
    expect(line(s, "自筹资金已全部到位")[1]).toBe("否");
    expect(line(s, "同意改造（双四分之三）")[1]).toBe("未通过");
  });

  test("shows the policy's parameters by name, with units, and their keys", () => {
    const s = buildSummarySheet(read().result, "estimate");
    expect(line(s, "基础类居民出资比例").slice(1, 3)).toEqual(["10%", "乐政办发〔2023〕47号 第五条（二）1；tier.basic.rate"]);
    expect(line(s, "财政补助上限（元/m²），空白=不设上限")[1]).toBe("300.00 元/m²");
    expect(line(s, "临时救助适用的改造类别")[1]).toBe("完善类、提升类");
    expect(line(s, "生活困难职工送温暖补助（元/户）")[1]).toBe("1,000.00 元/户");
    expect(line(s, "三合一审批总投资上限（元）")[1]).toBe("10,000,000.00 元");
  });

  test("adds 概算, 决算 and 差额 columns when both stages are filled", () => {
    const r = read(WORKED, { "costs.basic": 2100000, "costs.improvement": 1000000, "costs.enhancement": 500000 });
    const s = buildSummarySheet(r.result, r.stage, r.other);
    expect(s.values.find((x) => x[0] === "项目")!.slice(0, 4)).toEqual(["项目", "概算", "决算", "差额（决算-概算）"]);
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

  test("adds blocks of other features (elevators) before the policy", () => {
    const s = buildSummarySheet(read().result, "estimate", undefined, {
      extraBlocks: [{ title: "加装电梯分摊", lines: [{ label: "电梯造价", value: 600000, note: "示例" }] }],
    });
    const titles = s.values.map((x) => x[0]).filter((x) => typeof x === "string" && /^[一二三四五六七]、/.test(x));
    expect(titles).toEqual([
      "一、资金构成",
      "二、居民自筹收缴（概算）",
      "三、居民表决",
      "四、加装电梯分摊",
      "五、政策参数",
      "六、图表数据（图表由任务窗格在 Excel 中绘制）",
    ]);
    expect(line(s, "电梯造价").slice(1, 3)).toEqual([600000, "示例"]);
  });
});

/** The row of an audit step by its name after the step number (`4. 财政补助上限`). */
const step = (s: SheetData, name: string) => {
  const row = s.values.find((x) => typeof x[0] === "string" && new RegExp(`^\\d+(\\.\\d+)?\\.? ?${name}$`).test(x[0]));
  if (row === undefined) throw new Error(`no step ${name}`);
  return row;
};

describe("buildAuditSheet", () => {
  const audit = (meta: Partial<Parameters<typeof buildAuditSheet>[1]> = {}) => {
    const r = read();
    return buildAuditSheet(r.result, {
      time: new Date(2024, 4, 6, 9, 30),
      version: "reno-funding 9.9.9（命令行）",
      stage: r.stage,
      rowCounts: r.counts,
      ...meta,
    });
  };

  test("writes each step with its formula, the numbers put in with separators, the result and the rule by 文号", () => {
    const s = audit();
    // Spec §3's worked example, by hand: 0.1 × 2,000,000 + 0.3 × 1,000,000 + 0.7 × 500,000 = 850,000.
    expect(step(s, "居民出资基数 R0").slice(1, 4)).toEqual([
      "R0 = 四舍五入到分(rb×Cb + ri×Ci + re×Ce)",
      "10% × 2,000,000.00 + 30% × 1,000,000.00 + 70% × 500,000.00 = 200,000.00 + 300,000.00 + 350,000.00 = 850,000.00",
      850000,
    ]);
    expect(step(s, "财政补助上限").slice(1, 4)).toEqual(["上限 = 向下取到分(c × A)", "300.00 元/m² × 8,000 m² = 2,400,000.00", 2400000]);
    expect(step(s, "财政补助 F").slice(1, 5)).toEqual([
      "F = min(F0, 上限)",
      "min(2,550,000.00, 2,400,000.00)",
      2400000,
      "乐政办发〔2023〕47号 第五条（二）1（低于的按实补助）",
    ]);
    expect(step(s, "校验").slice(1, 4)).toEqual(["R + S + F = T", "1,000,000.00 + 100,000.00 + 2,400,000.00 = 3,500,000.00；T = 3,500,000.00", "相等"]);
    expect(step(s, "每平方米财政补助")[2]).toBe("2,400,000.00 ÷ 8,000 m² = 300.00");
    // No internal codes on paper.
    expect(JSON.stringify(s.values)).not.toMatch(/§|funding-rules|"00[0-4] /);
  });

  test("explains the §3.9 split of R by tier in words and 元, and checks the three parts add up to R", () => {
    const s = audit();
    // D = 2,000,000 × 90% + 1,000,000 × 70% + 500,000 × 30% = 1,800,000 + 700,000 + 150,000 = 2,650,000.
    const note = s.values.map((x) => String(x[0] ?? "")).find((t) => t.startsWith("居民自筹按类别拆分"))!;
    expect(note).toContain("D = 2,650,000.00");
    // 基础类: 200,000 + 150,000 × 1,800,000 ÷ 2,650,000 = 200,000 + 101,886.7924… → 301,886.79.
    const basic = s.values.find((x) => String(x[0]).endsWith("居民自筹·基础类"))!;
    expect(basic[2]).toBe("200,000.00 + 150,000.00 × 1,800,000.00 ÷ 2,650,000.00 = 200,000.00 + 101,886.79…，按最大余额法取到分");
    expect(basic[3]).toBe(301886.79);
    expect(s.values.find((x) => String(x[0]).endsWith("三类合计"))![3]).toBe(1000000);
  });

  test("gives a household example, relief by rate without names, and the collection rate floored", () => {
    const s = audit();
    const tier = s.values.find((x) => String(x[0]).endsWith("各户基础类分摊"))!;
    // 301,886.79 × 88.5 ÷ 258.75 = 103,254.5…: the example household 1-101.
    expect(tier[2]).toMatch(/^301,886.79 按 Σ建筑面积 258.75 m² 分摊；例：1-101 为 301,886.79 × 88.5 ÷ 258.75 ≈ 103,254.\d\d，取 103,254.\d\d$/);
    expect(step(s, "临时救助（救助比例 70%）")[2]).toBe("1 户，合计");
    expect(JSON.stringify(s.values)).not.toContain("王芳");
  });

  test("records the input file and its SHA-256, the version, the time, what was not carried over, and a signature block", () => {
    const s = audit({
      source: "book.xlsx",
      sourceSha256: "ab".repeat(32),
      notCarried: ["资金汇总（旧表，已重新生成） 的 1 张图表未复制到结果文件", "宏（VBA 工程）未复制到结果文件（.xlsx 不能含宏）"],
    });
    const info = (label: string) => line(s, label)[1];
    expect(info("输入文件")).toBe("book.xlsx");
    expect(info("SHA-256")).toBe("ab".repeat(32));
    expect(info("程序及版本")).toBe("reno-funding 9.9.9（命令行）");
    expect(info("运行时间")).toBe("2024-05-06 09:30:00");
    expect(info("读取行数")).toBe("政策参数 22 行；项目信息 10 行；住户 3 户");
    expect(info("未带入结果文件")).toBe(
      "资金汇总（旧表，已重新生成） 的 1 张图表未复制到结果文件；宏（VBA 工程）未复制到结果文件（.xlsx 不能含宏）。输入工作簿本身未改动。",
    );
    expect(s.values.filter((x) => ["编制：", "复核：", "审核："].includes(String(x[0]))).map((x) => x[3])).toEqual(
      new Array(3).fill("日期：　　　　年　　月　　日"),
    );
    // The task pane has no file: it says so, and prints no digest.
    const pane = audit();
    expect(line(pane, "输入文件")[1]).toContain("没有输入文件，因此不计算文件摘要 SHA-256");
    expect(pane.values.some((x) => x[0] === "SHA-256")).toBe(false);
  });

  test("ends with the 依据 table: each document's number and full title", () => {
    const s = audit();
    const start = s.values.findIndex((x) => x[0] === "简称");
    expect(s.values.slice(start + 1, start + 5).map((x) => [x[0], x[1]])).toEqual([
      ["乐政办发〔2023〕47号", SOURCES.yueqing.title],
      ["福建 附件3", SOURCES.fujian.title],
      ["民法典", SOURCES.civilCode.title],
      ["测算规则（解读）", SOURCES.reading.title],
    ]);
    expect(SOURCES.yueqing.title).toContain("乐清市人民政府办公室关于印发《乐清市城镇老旧小区改造实施方案》的通知");
  });

  test("takes the steps of other features (elevators) as a section of their own", () => {
    const s = audit({
      extraSections: [{ title: "加装电梯分摊", steps: [{ step: "24. 电梯补助", formula: "F = 定额", put: "1 台", value: 160000, rule: "按当地办法" }] }],
    });
    expect(s.values.map((x) => x[0])).toContain("三、加装电梯分摊");
    expect(line(s, "24. 电梯补助").slice(1, 5)).toEqual(["F = 定额", "1 台", 160000, "按当地办法"]);
  });
});

describe("buildPublicitySheet", () => {
  test("lists 房号, 面积 and amounts without names or hardship statuses", () => {
    const r = read();
    const out = buildPublicitySheet(r.result, { start: { year: 2024, month: 5, day: 6 } });
    if (!out.ok) throw new Error(out.en);
    const text = JSON.stringify(out.sheet.values);
    for (const secret of ["王芳", "李强", "张伟", "低保", "生活困难职工"]) expect(text).not.toContain(secret);
    // 2024: 05-01…05 off, Sat 05-11 worked: 6, 7, 8, 9, 10, 11, 13.
    expect(text).toContain("公示期：2024年5月6日 至 2024年5月13日（7 个工作日）");
    const j = toOutputJson(r.result);
    const first = out.sheet.values.find((x) => x[1] === "1-101")!;
    expect(first).toEqual([1, "1-101", 88.5, j.households![0].gross, j.households![0].relief, j.households![0].net]);
    const third = out.sheet.values.find((x) => x[1] === "1-103")!;
    expect(third[4]).toBe(1000); // the union grant is folded into 救助: no category shows
  });

  test("refuses a publicity period shorter than 7 working days", () => {
    // 2024-05-06 … 05-10: five working days.
    const out = buildPublicitySheet(read().result, { start: { year: 2024, month: 5, day: 6 }, end: { year: 2024, month: 5, day: 10 } });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.zh).toContain("只有 5 个工作日");
  });

  test.each([
    [
      { year: 2024, month: 5, day: 6 },
      { year: 2024, month: 5, day: 13 },
    ], // Monday, 05-11 (Sat) a 调休 working day
    [
      { year: 2024, month: 5, day: 4 },
      { year: 2024, month: 5, day: 13 },
    ], // starting on a holiday (劳动节)
    [
      { year: 2024, month: 12, day: 27 },
      { year: 2025, month: 1, day: 7 },
    ], // over the year end: 2025-01-01 off
    [
      { year: 2026, month: 9, day: 28 },
      { year: 2026, month: 10, day: 12 },
    ], // 国庆 2026: 10-01…07 off, Sat 10-10 worked
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
    const s = buildProgrammeSheet(entries, { time: new Date(2026, 10, 30) });
    expect(s.values[0][0]).toBe("项目汇总（3 个项目）");
    expect(s.values[1][0]).toBe("日期：2026-11-30　金额单位：元");
    const { header, rows, total } = tableRows(s);
    expect([header[1], ...rows.map((r) => r[1]), total[1]]).toEqual(["文件", "c.xlsx", "a.xlsx", "b.xlsx", "3 个项目"]);
    const col = (h: string) => header.indexOf(h);
    expect(rows[0][col("自筹资金已全部到位")]).toBe("是");
    expect(rows[0][col("未到位金额")]).toBe(0);
    expect(rows[2][col("问题")]).toBe("住户!C2: 应为数字");
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
    // Page setup: one font, row 1 repeated, 住户's fourteen columns and 加装电梯's seven on landscape pages.
    expect(t.sheets.map((s) => [s.font?.name, s.print?.orientation, s.print?.titleRows])).toEqual([
      ["等线", "landscape", { first: 1, last: 1 }],
      ["等线", "portrait", { first: 1, last: 1 }],
      ["等线", "landscape", { first: 1, last: 1 }],
      ["等线", "landscape", { first: 1, last: 1 }],
    ]);
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
