import { Dec, Fen, Money, calculate, percentText, toOutputJson } from "../../src/engine";
import { ExcelHost, PortFeatures, createOfficePort } from "../../src/excel/office-port";
import { createWorkflows } from "../../src/taskpane/workflows";
import { EXAMPLE_INPUT, RESULT_HEADERS, moneyText } from "../../src/workbook";
import { createFakeOffice, FakeOptions, FakeWorkbook } from "../excel/fake-excel";

const ALL: PortFeatures = { suspendCalculation: true, suspendScreenUpdating: true, freezePanes: true, dataValidation: true, pageLayout: true };
const INPUT_SHEETS = ["政策参数", "项目信息", "住户", "加装电梯"];
const FIXED_TIME = new Date(2024, 4, 6, 14, 3, 7);

function setup(options: FakeOptions = {}) {
  const fake = createFakeOffice(options);
  const port = createOfficePort(fake.Excel as unknown as ExcelHost, ALL);
  return { wb: fake.workbook, flows: createWorkflows(port, { now: () => FIXED_TIME }) };
}

/** The engine's own answer for the bundled example, for comparison to the fen. */
const expected = (() => {
  const r = calculate(EXAMPLE_INPUT);
  if (!r.ok) throw new Error("example is invalid");
  return toOutputJson(r.value);
})();

/** Sets one cell of a fake sheet (as a user typing in Excel would). */
function type(wb: FakeWorkbook, sheet: string, address: string, value: string | number | boolean) {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const s = wb.sheet(sheet)!;
  (s.values[Number(m[2]) - 1] ??= [])[m[1].charCodeAt(0) - 65] = value;
}

describe("新建测算工作簿", () => {
  it("creates the input sheets (加装电梯 included) and their tables, filled with the example, next to the user's sheet", async () => {
    const { wb, flows } = setup();
    expect(await flows.createWorkbook(true)).toEqual({ kind: "created", sheets: INPUT_SHEETS });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...INPUT_SHEETS]);
    expect(wb.tables.map((t) => [t.name, t.sheet.name, t.rows])).toEqual([
      // base + 21 keys (funding-rules §7, elevator-rules §7) and the header
      ["PolicyTable", "政策参数", 23],
      // 项目信息: 7 fields, the 3 optional rows of the payment notices, the header
      ["ProjectTable", "项目信息", 11],
      ["HouseholdTable", "住户", 41],
      // the example's two elevators (elevator-rules.md) and the header
      ["ElevatorTable", "加装电梯", 3],
    ]);
    expect(wb.cell("住户", "A2")).toBe("1-101");
    expect(wb.format("住户", "A2")).toBe("@");
    expect(wb.active).toBe("住户");
  });

  it("refuses when a sheet of the layout already exists, and leaves every sheet as it was", async () => {
    const { wb, flows } = setup({ sheets: { 住户: [["我的数据"]] } });
    expect(await flows.createWorkbook(false)).toEqual({ kind: "taken", names: ["住户"] });
    expect(wb.writes).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["住户"]);
  });
});

describe("total rows in the task pane (the shared layout rule)", () => {
  it("skips a 合计 row typed under the households and a table's own totals row; figures stay the engine's", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    const table = wb.tables.find((t) => t.name === "HouseholdTable")!;
    // A 合计 row the user typed inside the table, then Excel's own totals row below it.
    const last = table.r0 + table.rows + 1;
    type(wb, "住户", `A${last}`, "合计");
    type(wb, "住户", `C${last}`, 3493.58);
    type(wb, "住户", `A${last + 1}`, "汇总");
    type(wb, "住户", `C${last + 1}`, 3493.58);
    table.rows += 2;
    table.totalsRow = true;
    const out = await flows.calculate({ kind: "workbook" });
    if (out.kind !== "done") throw new Error(JSON.stringify(out));
    expect(out.read.skippedRows).toEqual([`住户!A${last}`]);
    expect(toOutputJson(out.read.result)).toEqual(expected);
  });
});

describe("加装电梯 in the task pane (elevator-rules.md §8)", () => {
  it("reproduces the worked example to the fen in 电梯分摊, typed into a new empty workbook", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(false);
    // 政策参数: rate 0.4 capped at 280,000; coefficients 0,0,0.7,0.8,0.9,1.0 (the 值 column B of each key's row).
    const policy = wb.sheet("政策参数")!;
    const key = (k: string) => policy.values.findIndex((r) => r?.[0] === k) + 1;
    type(wb, "政策参数", `B${key("elevator.subsidy.mode")}`, "rate");
    type(wb, "政策参数", `B${key("elevator.subsidy.rate")}`, 0.4);
    type(wb, "政策参数", `B${key("elevator.subsidy.cap")}`, 280000);
    type(wb, "政策参数", `B${key("elevator.floorCoefficients")}`, "0,0,0.7,0.8,0.9,1.0");
    // 项目信息 (概算 column C): area, a basic cost, and the elevator cost equal to Σ E.
    type(wb, "项目信息", "C3", 960);
    type(wb, "项目信息", "C4", 100000);
    type(wb, "项目信息", "C8", 650000);
    // 住户: twelve households of 80 m², two per floor (房号 A, 建筑面积 C, 单元 K, 楼层 L).
    for (let i = 0; i < 12; i++) {
      const f = Math.floor(i / 2) + 1;
      type(wb, "住户", `A${i + 2}`, `1-${f}0${(i % 2) + 1}`);
      type(wb, "住户", `C${i + 2}`, 80);
      type(wb, "住户", `K${i + 2}`, "1幢1单元");
      type(wb, "住户", `L${i + 2}`, f);
    }
    wb.tables.find((t) => t.name === "HouseholdTable")!.rows = 13;
    // 加装电梯: N = 6, E = 650,000.00, M = 30,000.00.
    type(wb, "加装电梯", "A2", "1幢1单元");
    type(wb, "加装电梯", "B2", 6);
    type(wb, "加装电梯", "C2", 650000);
    type(wb, "加装电梯", "D2", 30000);
    wb.resetCounters();
    const out = await flows.calculate({ kind: "workbook" });
    if (out.kind !== "done") throw new Error(JSON.stringify(out));
    expect(out.summary.sheets).toEqual(["测算结果", "电梯分摊", "资金汇总", "计算说明"]);
    expect(INPUT_SHEETS.flatMap((x) => wb.writesTo(x))).toEqual([]);
    const grid = wb.grid("电梯分摊");
    // G = min(round(0.4 × 650,000), 280,000, 650,000) = 260,000.00; P = 650,000 − 260,000 − 30,000 = 360,000.00
    expect(grid[5].slice(0, 9)).toEqual(["1幢1单元", 6, 650000, "按造价 40%，上限 280,000.00", 260000, 30000, 0, 360000, 12]);
    const header = grid.findIndex((r) => r[0] === "单元" && r[1] === "楼层");
    // floors 1–2 0.00; 37,058.82; 42,352.94; 47,647.06; 52,941.18 (each twice); Σ = 360,000.00
    expect(grid.slice(header + 1, header + 13).map((r) => [r[2], r[6]])).toEqual(
      [0, 0, 0, 0, 37058.82, 37058.82, 42352.94, 42352.94, 47647.06, 47647.06, 52941.18, 52941.18].map((share, i) => [
        `1-${Math.floor(i / 2) + 1}0${(i % 2) + 1}`,
        share,
      ]),
    );
    expect(grid[header + 13].slice(0, 12)).toEqual(["1幢1单元 小计", "", "12 户", "", "", "", 360000, 0, 360000, 0, 360000, "等于业主分摊"]);
    expect(wb.tables.find((t) => t.name === "ElevatorResultTable")).toMatchObject({ r0: 4, c0: 0, rows: 2, columns: 11 });
    expect(wb.format("电梯分摊", "G21")).toBe("#,##0.00");
  });

  it("names the cells of bad elevator input and writes nothing", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    await flows.calculate({ kind: "workbook" });
    const before = wb.grid("电梯分摊");
    type(wb, "加装电梯", "C3", -1);
    wb.resetCounters();
    const out = await flows.calculate({ kind: "workbook" });
    expect(out.kind === "invalid" && out.errors.map((e) => [e.ref, e.code])).toEqual([["加装电梯!C3", "money.negative"]]);
    type(wb, "加装电梯", "C3", 290000);
    type(wb, "住户", "L7", 9); // 1-202 on floor 9 of a 5-storey elevator
    type(wb, "住户", "L8", ""); // 1-203 without a floor
    const out2 = await flows.calculate({ kind: "workbook" });
    expect(out2.kind === "invalid" && out2.errors.map((e) => [e.ref, e.code])).toEqual([
      ["住户!L7", "elevator.floorRange"],
      ["住户!L8", "elevator.floorMissing"],
    ]);
    expect(wb.writes).toEqual([]);
    expect(wb.grid("电梯分摊")).toEqual(before);
  });
});

describe("计算", () => {
  it("writes every household's figures equal to the engine's, to the fen, and never touches the input sheets", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    wb.resetCounters();
    const out = await flows.calculate({ kind: "workbook" });
    if (out.kind !== "done") throw new Error(JSON.stringify(out));
    expect(INPUT_SHEETS.flatMap((s) => wb.writesTo(s))).toEqual([]);

    // Two title rows (title; project, stage, date, unit), then the table.
    const grid = wb.grid("测算结果").slice(2);
    expect(grid[0]).toEqual(RESULT_HEADERS);
    const hs = expected.households!;
    expect(grid.length).toBe(hs.length + 2);
    hs.forEach((h, i) => {
      const row = grid[i + 1];
      expect([row[0], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12]]).toEqual([
        h.id,
        h.area,
        h.byTier.basic,
        h.byTier.improvement,
        h.byTier.enhancement,
        h.gross,
        h.reliefRate,
        h.relief,
        h.grant,
        h.net,
        h.paid,
        h.balance,
      ]);
      expect(row[13]).toBe(h.balance > 0 ? "补缴" : h.balance < 0 ? "退还" : "已结清");
    });
    // The total row equals the project's resident total, to the fen.
    const total = grid[hs.length + 1];
    expect(total[0]).toBe("合计");
    expect(total[6]).toBe(expected.project.residentTotal);
    expect(total[10]).toBe(expected.totals!.net);
    expect(wb.format("测算结果", "K4")).toBe("#,##0.00");
    expect(wb.format("测算结果", "H4")).toBe("0%");
    expect(wb.tables.find((t) => t.name === "ResultTable")).toMatchObject({ r0: 2, c0: 0, rows: hs.length + 1, columns: 14, style: "TableStyleLight1" });
    // One font for every cell, the title block merged, the page set up (ExcelApi 1.9 in this fake).
    const s = wb.sheet("测算结果")!;
    expect(s.formatting.filter((f) => f.key === "font.name").map((f) => [f.address, f.value])).toEqual([[`A1:N${hs.length + 4}`, "等线"]]);
    expect(s.merges).toEqual(["A1:N1", "A2:N2"]);
    expect(s.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      printTitleRows: "$1:$3",
      centerFooter: '&"等线,Regular"&10第 &P 页 共 &N 页',
      leftHeader: '&"等线,Regular"&10&A',
      rightHeader: '&"等线,Regular"&10&F',
      leftMargin: 36,
    });
  });

  it("writes 资金汇总 with its two charts and 计算说明 with the run's facts, and shows 资金汇总", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    await flows.calculate({ kind: "workbook" });
    const summary = wb.grid("资金汇总");
    const find = (label: string) => summary.find((r) => r[0] === label)?.[1];
    expect(find("总投资 T（不含加装电梯）")).toBe(expected.project.totalInvestment);
    expect(find("财政补助 F = min(F0, 上限)")).toBe(expected.project.fiscalSubsidy);
    // 0.61328998… floored to 0.01% (one rounding of every shown ratio, the pane says 61.32% too)
    expect(expected.totals!.collectionRate).toBeCloseTo(0.61329, 5);
    expect(find("到位比例")).toBe(0.6132);
    const charts = wb.sheet("资金汇总")!.charts;
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ["Pie", "资金构成"],
      ["Pie", "收缴情况"],
    ]);
    // The funding-mix chart's data are R, S and F.
    const mix = charts[0].source.split(":").map((a) => Number(a.slice(1)));
    expect(summary.slice(mix[0], mix[1]).map((r) => r[1])).toEqual([
      expected.project.residentTotal,
      expected.project.socialCapital,
      expected.project.fiscalSubsidy,
    ]);
    const audit = wb.grid("计算说明");
    expect(audit.find((r) => r[0] === "运行时间")?.[1]).toBe("2024-05-06 14:03:07");
    expect(audit.find((r) => r[0] === "读取行数")?.[1]).toBe("政策参数 22 行；项目信息 10 行；住户 40 户");
    // The pane reads the open workbook: there is no file to hash, and the audit says so.
    expect(audit.find((r) => r[0] === "输入文件")?.[1]).toContain("没有输入文件");
    expect(wb.active).toBe("资金汇总");
  });

  it("returns the summary card's figures from the engine: T, R, S, F, F/m², collection rate, vote, approval path", async () => {
    const { flows } = setup();
    await flows.createWorkbook(true);
    const out = await flows.calculate({ kind: "workbook" });
    if (out.kind !== "done") throw new Error("expected a run");
    const s = out.summary;
    const r = calculate(EXAMPLE_INPUT);
    if (!r.ok) throw new Error("example");
    const p = r.value.project;
    expect(s.stage).toBe("estimate");
    expect(s.figures).toEqual({
      stage: "estimate",
      total: moneyText(p.totalInvestment),
      resident: moneyText(p.residentTotal),
      social: moneyText(p.socialCapital),
      fiscal: moneyText(p.fiscalSubsidy),
      fiscalPerSqm: moneyText(p.fiscalPerSqm),
      approvalPath: p.approvalPath,
    });
    // The example's figures, hand-checked in test/cli/calc.test.ts: cap = floor(300 × 3493.58) binds.
    expect([s.figures.total, s.figures.resident, s.figures.social, s.figures.fiscal, s.figures.fiscalPerSqm]).toEqual([
      "1,460,000.00",
      "361,926.00",
      "50,000.00",
      "1,048,074.00",
      "300.00",
    ]);
    expect(s.collectionRate).toBe("61.32%");
    expect(s.collectionRate).toBe(percentText(r.value.totals!.collectionRate));
    expect(s.vote).toEqual({ participationPassed: r.value.vote!.participationPassed, approvalPassed: r.value.vote!.approvalPassed });
    expect(s.households).toBe(40);
    expect(s.sheets).toEqual(["测算结果", "电梯分摊", "资金汇总", "计算说明"]);
  });

  it("writes nothing when any input is invalid, lists every problem with its cell, and keeps the previous outputs", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    await flows.calculate({ kind: "workbook" });
    const before = wb.grid("测算结果");
    type(wb, "住户", "C5", 0);
    type(wb, "住户", "H7", "也许");
    wb.resetCounters();
    const out = await flows.calculate({ kind: "workbook" });
    expect(out.kind).toBe("invalid");
    if (out.kind !== "invalid") return;
    expect(out.errors.map((e) => [e.ref, e.code])).toEqual([
      ["住户!C5", "area.positive"],
      ["住户!H7", "type.yesno"],
    ]);
    expect(out.errors[0].zh).toBe("面积必须大于0，实为 0");
    expect(wb.writes).toEqual([]);
    expect(wb.grid("测算结果")).toEqual(before);
  });

  it("reports a missing 住户 sheet in the task pane's words, writing nothing", async () => {
    const { wb, flows } = setup({ sheets: { Sheet1: [] } });
    const out = await flows.calculate({ kind: "workbook" });
    expect(out.kind === "invalid" && out.errors.map((e) => [e.ref, e.code])).toEqual([
      ["项目信息", "sheet.missing"],
      ["住户", "sheet.missing"],
    ]);
    expect(out.kind === "invalid" && out.errors[1].zh).toContain("新建测算工作簿");
    expect(wb.writes).toEqual([]);
    // Nothing to go to: selecting it does not touch Excel.
    const syncs = wb.syncs;
    if (out.kind === "invalid") await flows.select(out.errors[1]);
    expect(wb.syncs).toBe(syncs);
  });

  it("replaces the result sheet whole: fewer households leave no stale rows behind", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    await flows.calculate({ kind: "workbook" });
    const s = wb.sheet("住户")!;
    // The first 10 households, without their elevator columns (单元 … 电梯已缴, K:N) …
    s.values = s.values.slice(0, 11).map((row, r) => (r === 0 ? row : row.map((v, c) => (c >= 10 ? "" : v))));
    wb.tables.find((t) => t.name === "HouseholdTable")!.rows = 11;
    // …and no elevators any more: the 电梯分摊 of the first run is replaced by a note, never left with old figures.
    const el = wb.sheet("加装电梯")!;
    el.values = el.values.slice(0, 2).map((row, r) => (r === 0 ? row : row.map(() => "")));
    wb.tables.find((t) => t.name === "ElevatorTable")!.rows = 2;
    const out = await flows.calculate({ kind: "workbook" });
    expect(out.kind).toBe("done");
    expect(wb.grid("电梯分摊").map((r) => r[0])).toEqual([
      "电梯分摊（加装电梯每户分摊）",
      "项目：虹桥新村（示例）老旧小区改造　　测算阶段：概算　　日期：2024-05-06　　金额单位：元",
      "加装电梯表没有数据：本次测算没有电梯分摊。",
    ]);
    const grid = wb.grid("测算结果");
    expect(grid.length).toBe(14);
    expect(grid[13][0]).toBe("合计");
    expect(wb.tables.filter((t) => t.name === "ResultTable").map((t) => t.rows)).toEqual([11]);
  });

  it("uses a built-in policy instead of the 政策参数 sheet when one is chosen", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    const out = await flows.calculate({ kind: "builtin", id: "yueqing-2023" });
    if (out.kind !== "done") throw new Error("expected a run");
    expect(out.summary.policyId).toBe("yueqing-2023");
    const grid = wb.grid("测算结果");
    expect(grid[grid.length - 1][8]).toBe(0); // no relief under 乐清 2023
  });

  it("runs on 决算 when its costs are filled, and shows both stages with their difference", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    // 项目信息: rows 4–6 are the three tier costs; column D is 决算.
    type(wb, "项目信息", "D4", 850000);
    type(wb, "项目信息", "D5", 460000);
    type(wb, "项目信息", "D6", 180000);
    const out = await flows.calculate({ kind: "workbook" });
    if (out.kind !== "done") throw new Error(JSON.stringify(out));
    expect(out.summary.stage).toBe("settlement");
    expect(out.summary.figures.total).toBe("1,490,000.00");
    expect(out.summary.other?.total).toBe("1,460,000.00");
    expect(out.summary.difference?.total).toBe("30,000.00");
    expect(wb.grid("资金汇总")[1][0]).toContain("测算阶段：决算");
  });

  it("keeps a household id that looks like HTML or a formula as literal text", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    type(wb, "住户", "A2", "<img src=x onerror=alert(1)>");
    type(wb, "住户", "A3", '=HYPERLINK("http://x")');
    const out = await flows.calculate({ kind: "workbook" });
    expect(out.kind).toBe("done");
    expect(wb.cell("测算结果", "A4")).toBe("<img src=x onerror=alert(1)>");
    expect(wb.cell("测算结果", "A5")).toBe('=HYPERLINK("http://x")');
    expect(wb.format("测算结果", "A5")).toBe("@");
  });
});

describe("20,000 households", () => {
  it("reads, calculates and writes in at most 10 syncs, every request and response below 5 MB", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(false);
    const rows: (string | number)[][] = [["房号", "户主", "建筑面积", "专有面积", "分摊系数", "困难类别", "已缴金额", "参与表决", "同意", "备注"]];
    for (let i = 0; i < 20_000; i++) {
      rows.push([
        `${1 + Math.floor(i / 100)}-${(i % 100) + 101}`,
        `户主${i}`,
        50 + (i % 97) * 0.37,
        "",
        "",
        i % 50 === 0 ? "低保户" : "",
        i % 3 === 0 ? 1000 : 0,
        "是",
        i % 5 === 0 ? "否" : "是",
        "",
      ]);
    }
    wb.sheet("住户")!.values = rows;
    wb.tables.find((t) => t.name === "HouseholdTable")!.rows = rows.length;
    type(wb, "项目信息", "C3", 1_200_000);
    type(wb, "项目信息", "C4", 60_000_000);
    type(wb, "项目信息", "C5", 30_000_000);
    type(wb, "项目信息", "C6", 10_000_000);
    wb.resetCounters();
    const out = await flows.calculate({ kind: "workbook" });
    if (out.kind !== "done") throw new Error(JSON.stringify(out.errors.slice(0, 3)));
    expect(wb.syncs).toBeLessThanOrEqual(10);
    expect(Math.max(...wb.requestBytes)).toBeLessThan(5_000_000);
    expect(Math.max(...wb.responseBytes)).toBeLessThan(5_000_000);
    expect(wb.grid("测算结果").length).toBe(20_004);
    expect(wb.grid("测算结果")[20_003][6]).toBe(Number(out.read.result.project.residentTotal.toFixed(2)));
  });
});

describe("政策", () => {
  it("shows the built-in parameters without reading the workbook", async () => {
    const { wb, flows } = setup();
    const out = await flows.policy({ kind: "builtin", id: "default" });
    expect(out.kind === "policy" && out.policy.parameters["cap.perSqm"]).toBe(300);
    expect(wb.syncs).toBe(0);
  });

  it("reads the 政策参数 sheet's changes, and names the cell of an unknown key", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(false);
    type(wb, "政策参数", "B6", 250);
    const out = await flows.policy({ kind: "workbook" });
    expect(out.kind === "policy" && [out.policy.id, out.policy.overridden, out.policy.parameters["cap.perSqm"]]).toEqual(["custom", ["cap.perSqm"], 250]);
    type(wb, "政策参数", "A7", "relief.tierz");
    const bad = await flows.policy({ kind: "workbook" });
    expect(bad.kind === "invalid" && bad.errors.map((e) => [e.ref, e.code])).toEqual([["政策参数!A7", "policy.unknownKey"]]);
  });
});

describe("the policy a run used (the pane's policy panel)", () => {
  it("comes with every 计算 and 检查, read from the same 政策参数 rows, with the base's values", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    type(wb, "政策参数", "B6", 250);
    const run = await flows.calculate({ kind: "workbook" });
    expect(run.kind).toBe("done");
    const used = run.kind === "done" ? run.policy : undefined;
    expect(used?.kind === "policy" && [used.fromSheet, used.policy.id, used.policy.overridden, used.policy.parameters["cap.perSqm"]]).toEqual([
      true,
      "custom",
      ["cap.perSqm"],
      250,
    ]);
    // The base's value of the overriding row, as the pane shows it (default: 300 元/m²).
    expect(used?.kind === "policy" && used.policy.baseParameters["cap.perSqm"]).toBe(300);
    const checked = await flows.check({ kind: "builtin", id: "yueqing-2023" });
    expect(checked.kind === "done" && checked.policy.kind === "policy" && [checked.policy.fromSheet, checked.policy.policy.id]).toEqual([
      false,
      "yueqing-2023",
    ]);
  });

  it("comes with a refused run too, when 政策参数 itself reads well", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    type(wb, "政策参数", "B6", 250);
    type(wb, "住户", "C5", 0);
    const run = await flows.calculate({ kind: "workbook" });
    expect(run.kind).toBe("invalid");
    expect(run.kind === "invalid" && run.policy?.kind === "policy" && run.policy.policy.parameters["cap.perSqm"]).toBe(250);
  });

  it("is the base policy itself when only `base` changes on the template's 政策参数 (blank rows inherit)", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    type(wb, "政策参数", "B2", "yueqing-2023");
    const run = await flows.calculate({ kind: "workbook" });
    expect(run.kind).toBe("done");
    if (run.kind !== "done" || run.policy.kind !== "policy") throw new Error("expected a policy");
    // cap.perSqm is filled with 300 (blank would mean no cap), equal to yueqing-2023's: not an override.
    expect([run.policy.policy.id, run.policy.policy.base, run.policy.policy.overridden]).toEqual(["yueqing-2023", "yueqing-2023", []]);
    expect(run.summary.policyId).toBe("yueqing-2023");
    // yueqing-2023 has no relief: every household's relief is 0.
    expect(run.read.result.households!.every((h) => Number(h.relief) === 0)).toBe(true);
  });
});

describe("检查 and 公示", () => {
  it("checks without writing, and selects the cell of a problem", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    type(wb, "住户", "F9", "低保户、特困户");
    wb.resetCounters();
    const out = await flows.check({ kind: "workbook" });
    if (out.kind !== "invalid") throw new Error("expected problems");
    expect(out.errors.map((e) => e.ref)).toEqual(["住户!F9"]);
    expect(wb.writes).toEqual([]);
    await flows.select(out.errors[0]);
    expect(wb.selection).toEqual({ sheet: "住户", address: "F9" });
  });

  it("writes a publicity sheet without owners' names or hardship statuses", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    const out = await flows.publicity({ kind: "workbook" }, { start: { year: 2024, month: 5, day: 6 } });
    // 2024: 05-01…05 off, Sat 05-11 worked: the 7th working day from Mon 05-06 is Mon 05-13.
    expect(out).toMatchObject({ kind: "done", start: { year: 2024, month: 5, day: 6 }, end: { year: 2024, month: 5, day: 13 }, households: 40, days: 7 });
    expect(out.kind === "done" && out.calendar?.covered).toBe(true);
    const text = JSON.stringify(wb.grid("公示"));
    expect(text).toContain("1-101");
    expect(text).not.toContain("周小军");
    expect(text).not.toContain("低保");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...INPUT_SHEETS, "公示"]);
  });

  it("refuses a publicity period shorter than 7 working days, writing nothing", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    wb.resetCounters();
    const out = await flows.publicity({ kind: "workbook" }, { start: { year: 2024, month: 5, day: 6 }, end: { year: 2024, month: 5, day: 10 } });
    expect(out.kind).toBe("period");
    expect(wb.writes).toEqual([]);
  });
});

describe("text of the summary card", () => {
  it.each([
    ["1234567.8", "1,234,567.80"],
    ["0", "0.00"],
    ["-30000", "-30,000.00"],
  ])("writes money %s as %s", (x, text) => {
    expect(moneyText(new Dec(x) as Money)).toBe(text);
  });

  it("floors percentages so that 99.996% never shows as 100%", () => {
    expect(percentText(new Dec("0.99996"))).toBe("99.99%");
    expect(percentText(new Dec(1))).toBe("100.00%");
    expect(moneyText(123456 as Fen)).toBe("1,234.56");
  });
});

describe("a failed 计算 leaves the workbook as it was (workbook-layout.md)", () => {
  /** Everything a user could see of the workbook. */
  const snapshot = (wb: FakeWorkbook) => ({
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      values: wb.grid(s.name),
      charts: s.charts.map((c) => c.title),
      frozen: s.frozenRows,
    })),
    tables: wb.tables.map((t) => [t.name, t.sheet.name, t.r0, t.c0, t.rows, t.columns]),
  });

  async function withOldOutputs() {
    const s = setup();
    await s.flows.createWorkbook(true);
    await s.flows.calculate({ kind: "workbook" });
    // This run's input differs: one household pays more, so the new outputs differ from the old.
    type(s.wb, "住户", "G2", 99_999);
    s.wb.resetCounters();
    return s;
  }

  it("fails at each sync of a run in turn: the workbook is then the one before, or the complete new result", async () => {
    const ok = await withOldOutputs();
    const before = snapshot(ok.wb);
    expect((await ok.flows.calculate({ kind: "workbook" })).kind).toBe("done");
    const after = snapshot(ok.wb);
    expect(after).not.toEqual(before);
    const syncs = ok.wb.syncs;
    expect(syncs).toBeGreaterThanOrEqual(5);
    for (let k = 1; k <= syncs; k++) {
      const run = await withOldOutputs();
      run.wb.failAtSync = { sync: k, code: "GeneralException" };
      await expect(run.flows.calculate({ kind: "workbook" })).rejects.toThrow();
      const now = snapshot(run.wb);
      expect([k, now.sheets.map((s) => s.name)]).toEqual([k, before.sheets.map((s) => s.name)]);
      expect(now).toEqual(before);
    }
  });
});

describe("缴费通知单", () => {
  it("writes one notice per household with the 项目信息 payment rows, and no hardship category", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    // 项目信息 rows 9–11: 缴费账户或地点, 缴费截止日期, 经办人及联系电话 (概算 column C).
    type(wb, "项目信息", "C9", "社区服务中心一楼收费窗口");
    type(wb, "项目信息", "C10", "2024年6月30日");
    type(wb, "项目信息", "C11", "王晓明 0577-61234567");
    wb.resetCounters();
    const out = await flows.notices({ kind: "workbook" }, { perPage: 4 });
    expect(out).toMatchObject({ kind: "done", sheet: "缴费通知", notices: 40, perPage: 4, policy: { kind: "policy", fromSheet: true } });
    expect(INPUT_SHEETS.flatMap((s) => wb.writesTo(s))).toEqual([]);
    const text = JSON.stringify(wb.grid("缴费通知"));
    for (const t of ["周小军", "1-101", "社区服务中心一楼收费窗口", "2024年6月30日", "王晓明 0577-61234567"]) expect(text).toContain(t);
    for (const secret of ["低保", "特困", "困难计生", "残疾", "生活困难职工", "救助比例"]) expect(text).not.toContain(secret);
    // Four to a page: 10 pages, a manual page break after every page but the last.
    expect(wb.sheet("缴费通知")!.pageBreaks).toHaveLength(9);
    expect(wb.active).toBe("缴费通知");
  });

  it("writes nothing when an input is invalid", async () => {
    const { wb, flows } = setup();
    await flows.createWorkbook(true);
    type(wb, "住户", "C2", -1);
    wb.resetCounters();
    const out = await flows.notices({ kind: "workbook" });
    expect(out.kind).toBe("invalid");
    expect(wb.writes).toEqual([]);
  });
});
