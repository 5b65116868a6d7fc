import { ExcelHost, ExcelIoError, PortFeatures, chartPlace, createOfficePort } from "../../src/excel/office-port";
import { NameTakenError } from "../../src/excel/port";
import { SheetData } from "../../src/workbook";
import { createFakeOffice, FakeOptions } from "./fake-excel";

const ALL: PortFeatures = { columnWidths: true, suspendCalculation: true, suspendScreenUpdating: true, freezePanes: true, dataValidation: true };
/** An ExcelApi 1.1 host (Excel 2016). */
const NONE: PortFeatures = {
  columnWidths: false,
  suspendCalculation: false,
  suspendScreenUpdating: false,
  freezePanes: false,
  dataValidation: false,
  pageLayout: false,
  sheetVisibility: false,
};

function setup(options: FakeOptions = {}, features: PortFeatures = ALL, limits?: { writeBytes: number; readCells: number }) {
  const fake = createFakeOffice(options);
  const port = createOfficePort(fake.Excel as unknown as ExcelHost, features, limits);
  return { wb: fake.workbook, port };
}

function sheet(name: string, values: SheetData["values"], extra: Partial<SheetData> = {}): SheetData {
  return { name, values, numberFormats: values.map((r) => r.map(() => "General")), ...extra };
}

describe("reading the input sheets (input-table.ts, the rule the command line follows too)", () => {
  it("reads a table with its header row and position: names, shapes, then the values", async () => {
    const { wb, port } = setup({ sheets: { 住户: [["说明"], [], ["房号", "建筑面积"], ["1-101", 62.35], ["1-102", 103.4]] } });
    wb.tables.push({ name: "HouseholdTable", sheet: wb.sheet("住户")!, r0: 2, c0: 0, rows: 3, columns: 2 });
    const r = await port.readInputs(["households"]);
    expect(r.grids.households).toEqual({
      sheet: "住户",
      top: 3,
      left: 1,
      values: [
        ["房号", "建筑面积"],
        ["1-101", 62.35],
        ["1-102", 103.4],
      ],
    });
    expect(wb.syncs).toBe(3);
  });

  it("never reads an Excel table's totals row (showTotals) as data", async () => {
    const { wb, port } = setup({
      sheets: {
        住户: [
          ["房号", "建筑面积"],
          ["1-101", 62.35],
          ["1-102", 103.4],
          ["汇总", 165.75],
        ],
      },
    });
    wb.tables.push({ name: "HouseholdTable", sheet: wb.sheet("住户")!, r0: 0, c0: 0, rows: 4, columns: 2, totalsRow: true });
    const r = await port.readInputs(["households"]);
    expect(r.grids.households).toEqual({
      sheet: "住户",
      top: 1,
      left: 1,
      values: [
        ["房号", "建筑面积"],
        ["1-101", 62.35],
        ["1-102", 103.4],
      ],
    });
  });

  it("falls back to the cells with values from the header row, and leaves a missing sheet out", async () => {
    const { port } = setup({ sheets: { 项目信息: [[], ["", "字段", "概算"], ["", "area", 8000]] } });
    const r = await port.readInputs(["project", "households"]);
    expect(r.grids.project).toEqual({
      sheet: "项目信息",
      top: 2,
      left: 2,
      values: [
        ["字段", "概算"],
        ["area", 8000],
      ],
    });
    expect(r.grids.households).toBeUndefined();
    expect(r.info.sheets).toEqual(["项目信息"]);
  });

  it("turns a number in a date-formatted cell into a date, so it is never read as money", async () => {
    const { wb, port } = setup({
      sheets: {
        住户: [
          ["房号", "建筑面积", "已缴金额"],
          ["1-101", 62.35, 45413],
        ],
      },
    });
    wb.sheet("住户")!.formats[1][2] = "yyyy-mm-dd";
    const r = await port.readInputs(["households"]);
    expect(r.grids.households!.values[1][2]).toEqual(new Date(Date.UTC(2024, 4, 1)));
  });

  it("retries in halves when Excel answers that a response is too big, and still reads every row", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`${i + 1}`, 50 + i / 100, "低保户"]);
    const { wb, port } = setup({ sheets: { 住户: [["房号", "建筑面积", "困难类别"], ...rows] }, maxResponseBytes: 60_000 }, ALL, {
      writeBytes: 4_000_000,
      readCells: 1_000_000,
    });
    const r = await port.readInputs(["households"]);
    const values = r.grids.households!.values;
    expect(values).toHaveLength(2001);
    expect(values[2000]).toEqual(["2000", 69.99, "低保户"]);
    // The first answer was too big; the rows came in smaller responses that fit.
    expect(wb.responseBytes[2]).toBeGreaterThan(60_000);
    expect(wb.responseBytes.slice(3).every((b) => b <= 60_000)).toBe(true);
  });

  it("reads on an ExcelApi 1.1 host (no valuesOnly used range)", async () => {
    const { port } = setup(
      {
        excelApiMinor: 1,
        sheets: {
          住户: [
            ["房号", "建筑面积"],
            ["1-101", 62.35],
          ],
        },
      },
      { ...NONE },
    );
    const r = await port.readInputs(["households"]);
    expect(r.grids.households!.values).toEqual([
      ["房号", "建筑面积"],
      ["1-101", 62.35],
    ]);
  });
});

describe("replacing output sheets", () => {
  it("writes values and formats as whole ranges, formats first, with calculation suspended", async () => {
    const { wb, port } = setup({ sheets: { 住户: [["房号"]] } });
    await port.replaceSheets([
      sheet(
        "测算结果",
        [
          ["房号", "应缴金额"],
          ["1-101", 1234.5],
        ],
        {
          numberFormats: [
            ["General", "General"],
            ["@", "#,##0.00"],
          ],
        },
      ),
    ]);
    expect(wb.grid("测算结果")).toEqual([
      ["房号", "应缴金额"],
      ["1-101", 1234.5],
    ]);
    expect(wb.format("测算结果", "B2")).toBe("#,##0.00");
    // Written in full under a hidden temporary name, then swapped in.
    const writes = wb.writesTo("reno~1").filter((w) => w.kind === "values" || w.kind === "numberFormat");
    expect(writes.map((w) => [w.kind, w.address])).toEqual([
      ["numberFormat", "A1:B2"],
      ["values", "A1:B2"],
    ]);
    expect(writes.every((w) => w.calcSuspended)).toBe(true);
    expect(wb.screenUpdatingSuspensions).toBe(1);
    expect(wb.writesTo("住户")).toEqual([]);
  });

  it("gives text cells the Text format so that Excel keeps 3-12 and =1+1 as typed", async () => {
    const { wb, port } = setup();
    await port.replaceSheets([sheet("公示", [["3-12", "=1+1", 5, null]])]);
    expect(["A1", "B1", "C1", "D1"].map((a) => wb.format("公示", a))).toEqual(["@", "@", "General", "General"]);
    expect(wb.cell("公示", "D1")).toBe("");
  });

  it("removes the old tables, charts and cells of an output sheet before writing the new ones", async () => {
    const { wb, port } = setup({ sheets: { 资金汇总: [] } });
    const first = sheet(
      "资金汇总",
      [
        ["a", "b"],
        ["x", 1],
        ["y", 2],
        ["z", 3],
      ],
      {
        table: { name: "ResultTable", top: 1, left: 1, columns: ["a", "b"], rows: 3, totalsRow: false },
        charts: [{ title: "资金构成", type: "Pie", dataRange: "A1:B4", seriesBy: "Columns" }],
      },
    );
    await port.replaceSheets([first]);
    await port.replaceSheets([
      {
        ...first,
        values: [
          ["a", "b"],
          ["x", 9],
        ],
        numberFormats: [
          ["General", "General"],
          ["General", "General"],
        ],
        table: { ...first.table!, rows: 1 },
      },
    ]);
    expect(wb.grid("资金汇总")).toEqual([
      ["a", "b"],
      ["x", 9],
    ]);
    expect(wb.tables.map((t) => [t.name, t.rows])).toEqual([["ResultTable", 2]]);
    expect(wb.sheet("资金汇总")!.charts.map((c) => [c.title, c.source])).toEqual([["资金构成", "A1:B4"]]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["资金汇总"]);
  });

  it("draws each chart from its data range, to the right of the data", async () => {
    const { wb, port } = setup();
    await port.replaceSheets([
      sheet(
        "资金汇总",
        [
          ["资金构成", "金额"],
          ["居民", 1],
          ["社会", 2],
          ["财政", 3],
        ],
        {
          charts: [
            { title: "资金构成", type: "Pie", dataRange: "A1:B4", seriesBy: "Columns" },
            { title: "收缴情况", type: "Pie", dataRange: "A1:B3", seriesBy: "Columns" },
          ],
        },
      ),
    ]);
    const charts = wb.sheet("资金汇总")!.charts;
    expect(charts.map((c) => [c.type, c.title, c.source, c.seriesBy])).toEqual([
      ["Pie", "资金构成", "A1:B4", "Columns"],
      ["Pie", "收缴情况", "A1:B3", "Columns"],
    ]);
    expect(charts[0].position).toEqual(["D2", "K19"]);
    expect(chartPlace(2, 1)).toEqual({ topLeft: "D22", bottomRight: "K39" });
  });

  it("refuses, writing nothing, when a table name it needs belongs to another sheet", async () => {
    const { wb, port } = setup({ sheets: { 别的: [["a"], [1]] } });
    wb.tables.push({ name: "ResultTable", sheet: wb.sheet("别的")!, r0: 0, c0: 0, rows: 2, columns: 1 });
    const out = sheet("测算结果", [["a"], [1]], { table: { name: "ResultTable", top: 1, left: 1, columns: ["a"], rows: 1, totalsRow: false } });
    await expect(port.replaceSheets([out])).rejects.toBeInstanceOf(NameTakenError);
    expect(wb.writes).toEqual([]);
  });

  it("splits a big write into requests below the request limit", async () => {
    const values = [["房号", "金额"], ...Array.from({ length: 5000 }, (_, i) => [`户${i}`, i + 0.25])];
    const { wb, port } = setup({ maxRequestBytes: 120_000 }, ALL, { writeBytes: 100_000, readCells: 250_000 });
    const progress: number[][] = [];
    await port.replaceSheets([sheet("测算结果", values)], { onProgress: (d, t) => progress.push([d, t]) });
    expect(wb.grid("测算结果")[5000]).toEqual(["户4999", 4999.25]);
    expect(Math.max(...wb.requestBytes)).toBeLessThanOrEqual(120_000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
    // Every request that carried cells had calculation suspended.
    expect(wb.writes.filter((w) => w.kind === "values").every((w) => w.calcSuspended)).toBe(true);
  });

  it("skips what an older Excel lacks (frozen panes, suspension) instead of failing", async () => {
    const { wb, port } = setup({}, { suspendCalculation: false, suspendScreenUpdating: false, freezePanes: false, dataValidation: false });
    await port.replaceSheets([sheet("计算说明", [["a"]], { freezeRows: 1 })]);
    expect(wb.sheet("计算说明")!.frozenRows).toBe(0);
    expect(wb.screenUpdatingSuspensions).toBe(0);
    expect(wb.writesTo("reno~1").some((w) => w.calcSuspended)).toBe(false);
  });
});

describe("wrapping and print setup", () => {
  const data = sheet(
    "测算结果",
    [
      ["房号", "说明"],
      ["1-101", "很长的说明文字"],
    ],
    { wrap: ["B2"], print: { paperSize: "A4", orientation: "landscape", fitToWidth: 1, titleRows: { first: 1, last: 1 } } },
  );

  it("wraps the cells a sheet asks for and applies its print setup where ExcelApi 1.9 has page layout", async () => {
    const { wb, port } = setup({}, { ...ALL, pageLayout: true });
    await port.replaceSheets([data]);
    const s = wb.sheet("测算结果")!;
    expect(s.wrapped).toEqual(["B2"]);
    expect(s.pageLayout).toEqual({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$1:$1" });
  });

  it("skips the print setup on an older Excel (no page layout) and still writes the sheet", async () => {
    const { wb, port } = setup({ excelApiMinor: 8 }, { ...ALL, suspendScreenUpdating: false, pageLayout: false });
    await port.replaceSheets([data]);
    expect(wb.sheet("测算结果")!.pageLayout).toEqual({});
    expect(wb.cell("测算结果", "B2")).toBe("很长的说明文字");
  });
});

describe("creating the input sheets", () => {
  it("refuses, writing nothing, when a sheet name is taken", async () => {
    const { wb, port } = setup({ sheets: { 住户: [["旧数据"]] } });
    const err = await port.createSheets([sheet("政策参数", [["参数"]]), sheet("住户", [["房号"]])]).catch((e) => e);
    expect(err).toBeInstanceOf(NameTakenError);
    expect((err as NameTakenError).sheets).toEqual(["住户"]);
    expect(wb.writes).toEqual([]);
    expect(wb.grid("住户")).toEqual([["旧数据"]]);
  });

  it("adds the sheets with their tables, widths, frozen header and drop-downs", async () => {
    const { wb, port } = setup();
    await port.createSheets(
      [
        sheet(
          "住户",
          [
            ["房号", "参与表决"],
            [null, null],
          ],
          {
            table: { name: "HouseholdTable", top: 1, left: 1, columns: ["房号", "参与表决"], rows: 1, totalsRow: false },
            columnWidths: [10, 9],
            freezeRows: 1,
          },
        ),
      ],
      {
        activate: "住户",
        validations: [{ sheet: "住户", range: "B2:B101", values: ["是", "否"], errorStyle: "warning", prompt: "是/否", error: "应为 是/否" }],
      },
    );
    const s = wb.sheet("住户")!;
    expect(wb.tables.map((t) => [t.name, t.sheet.name, t.rows])).toEqual([["HouseholdTable", "住户", 2]]);
    expect(s.frozenRows).toBe(1);
    expect(s.columnWidths.get(0)).toBe(66);
    expect(s.validations.get("B2:B101")?.rule).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    expect(wb.active).toBe("住户");
  });
});

describe("errors and selection", () => {
  it("turns an Office.js failure into an ExcelIoError with its code", async () => {
    const { wb, port } = setup();
    wb.failNext = { code: "InvalidOperationInCellEditMode", count: 1 };
    const err = await port.inspect().catch((e) => e);
    expect(err).toBeInstanceOf(ExcelIoError);
    expect((err as ExcelIoError).code).toBe("InvalidOperationInCellEditMode");
  });

  it("shows the sheet and selects the cell", async () => {
    const { wb, port } = setup({ sheets: { 项目信息: [], 住户: [] } });
    await port.selectRange("住户", "C12");
    expect(wb.active).toBe("住户");
    expect(wb.selection).toEqual({ sheet: "住户", address: "C12" });
  });
});

describe("a failed write leaves the workbook as it was (workbook-layout.md)", () => {
  /** Everything a user could see of the workbook. */
  function snapshot(wb: ReturnType<typeof setup>["wb"]) {
    return {
      sheets: wb.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        values: wb.grid(s.name),
        formats: s.formats.map((r) => [...r]),
        charts: s.charts.map((c) => [c.title, c.source]),
        frozen: s.frozenRows,
      })),
      tables: wb.tables.map((t) => [t.name, t.sheet.name, t.r0, t.c0, t.rows, t.columns]),
    };
  }

  const oldRun = [
    sheet(
      "测算结果",
      [
        ["房号", "应缴"],
        ["1-101", 10],
        ["1-102", 20],
      ],
      { table: { name: "ResultTable", top: 1, left: 1, columns: ["房号", "应缴"], rows: 2, totalsRow: false }, freezeRows: 1 },
    ),
    sheet(
      "资金汇总",
      [
        ["资金构成", "金额"],
        ["居民", 1],
        ["社会", 2],
        ["财政", 3],
      ],
      { charts: [{ title: "资金构成", type: "Pie", dataRange: "A1:B4", seriesBy: "Columns" }] },
    ),
  ];
  const rows = Array.from({ length: 400 }, (_, i) => [`2-${i}`, i + 0.5]);
  const newRun = [
    sheet("测算结果", [["房号", "应缴"], ...rows], {
      table: { name: "ResultTable", top: 1, left: 1, columns: ["房号", "应缴"], rows: rows.length, totalsRow: false },
      freezeRows: 1,
    }),
    sheet(
      "资金汇总",
      [
        ["资金构成", "金额"],
        ["居民", 7],
        ["社会", 8],
        ["财政", 9],
      ],
      { charts: [{ title: "资金构成", type: "Pie", dataRange: "A1:B4", seriesBy: "Columns" }] },
    ),
    sheet("计算说明", [["步骤"], ["§3.1"]]),
  ];
  // Small requests, so that the new run takes several syncs.
  const limits = { writeBytes: 4_000, readCells: 250_000 };

  async function prepared() {
    const s = setup({ sheets: { 住户: [["房号"], ["1-101"]], 测算结果: [], 资金汇总: [] } }, ALL, limits);
    await s.port.replaceSheets(oldRun);
    s.wb.resetCounters();
    return s;
  }

  it("fails at each sync of a replacement in turn: the workbook is then the one before, or the whole new one", async () => {
    const ok = await prepared();
    const before = snapshot(ok.wb);
    await ok.port.replaceSheets(newRun);
    const after = snapshot(ok.wb);
    const syncs = ok.wb.syncs;
    expect(syncs).toBeGreaterThanOrEqual(4);
    expect(after.sheets.map((s) => s.name)).toEqual(["住户", "测算结果", "资金汇总", "计算说明"]);
    expect(after.tables).toEqual([["ResultTable", "测算结果", 0, 0, 401, 2]]);
    for (let k = 1; k <= syncs; k++) {
      const run = await prepared();
      run.wb.failAtSync = { sync: k, code: "GeneralException" };
      await expect(run.port.replaceSheets(newRun)).rejects.toBeInstanceOf(ExcelIoError);
      // Every sync but the swap fails before the swap: the old outputs stay, nothing new remains.
      expect(snapshot(run.wb)).toEqual(before);
    }
  });

  it("removes a temporary sheet a lost connection left behind, on the next run", async () => {
    const run = await prepared();
    // What a run cut off before its clean-up leaves: a hidden temporary sheet.
    run.wb.sheets.push({ ...run.wb.sheets[0], name: "reno~9", visibility: "Hidden", values: [["x"]], formats: [["General"]], charts: [] });
    await run.port.replaceSheets(newRun);
    expect(run.wb.sheets.map((s) => s.name)).toEqual(["住户", "测算结果", "资金汇总", "计算说明"]);
  });

  it("writes, swaps and keeps places on an ExcelApi 1.1 host (Excel 2016)", async () => {
    const s = setup({ excelApiMinor: 1, sheets: { 住户: [["房号"]], 测算结果: [["旧"]], 说明: [] } }, NONE);
    await s.port.replaceSheets(newRun);
    expect(s.wb.sheets.map((x) => [x.name, x.visibility])).toEqual([
      ["住户", "Visible"],
      ["测算结果", "Visible"],
      ["说明", "Visible"],
      ["资金汇总", "Visible"],
      ["计算说明", "Visible"],
    ]);
    expect(s.wb.cell("测算结果", "A401")).toBe("2-399");
  });
});
