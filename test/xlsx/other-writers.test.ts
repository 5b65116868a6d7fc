/**
 * Standard-layout workbooks written by OTHER programs (issue 10 §4), generated here from the bundled
 * example: openpyxl, xlsxwriter, LibreOffice (its own .xlsx writer), a package rewritten as .NET writes
 * them (absolute part names, renamed parts, x:-prefixed XML, inline strings) and a Strict Open XML one.
 * Each must compute to the fen like the JSON path (the engine on EXAMPLE_INPUT is the oracle), write a
 * result whose package passes Excel's checks, keep the input's tables (name, range, header row: the
 * table parts are copied byte for byte), leave the input file unchanged, and open in LibreOffice with
 * the engine's totals. A writer that is not installed makes its tests SKIPPED, never passed.
 */
import * as fs from "fs";
import * as path from "path";
import { calculate, toOutputJson } from "../../src/engine";
import { EXAMPLE_INPUT, buildTemplate } from "../../src/workbook";
import { loadWorkbook, readRange } from "../../src/xlsx";
import { calc, tempDir, writeBook } from "./helpers";
import { findPython, libreOfficeXlsx, packageProblems, packageTables, partNames, partText, runPython, toCsv } from "./office";
import { NO_SOFFICE, SOFFICE, describeWith } from "../support/programs";

const dir = tempDir("reno-writers-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPENPYXL = findPython("openpyxl");
const XLSXWRITER = findPython("xlsxwriter");
const PYTHON = findPython("zipfile");
const NO_PY = (m: string) => `python3 with ${m} is not installed — apt-get install -y python3-${m}`;

/** The oracle: the JSON path on the same input. */
const ORACLE = (() => {
  const r = calculate(EXAMPLE_INPUT);
  if (!r.ok) throw new Error("example invalid");
  return toOutputJson(r.value);
})();

/** The example as plain rows per sheet (the standard layout), for the Python writers. */
function specFile(options: { offsetHouseholds?: boolean } = {}): string {
  const t = buildTemplate({ input: EXAMPLE_INPUT });
  const sheets = t.sheets.map((s) => {
    const width = Math.max(...s.values.map((r) => r.length));
    const rows = s.values.map((r) => Array.from({ length: width }, (_, i) => (r[i] instanceof Date ? null : (r[i] ?? null))));
    return {
      name: s.name,
      rows,
      table: s.table === undefined ? undefined : { name: s.table.name },
      offset: options.offsetHouseholds && s.name === "住户" ? [2, 1] : [0, 0],
    };
  });
  const file = path.join(dir, `spec-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify({ sheets }));
  return file;
}

/**
 * The whole check for one input workbook: JSON to the fen, result package valid, input tables kept
 * byte for byte, input file unchanged, not-carried list empty (everything is carried over).
 */
async function checkBook(book: string, tablesAsBytes = true): Promise<string> {
  const before = fs.readFileSync(book);
  const json = path.join(dir, `${path.basename(book)}.json`);
  const rj = await calc(book, "--out", json);
  expect(rj.err).toBe("");
  expect(rj.code).toBe(0);
  expect(JSON.parse(fs.readFileSync(json, "utf8"))).toEqual(JSON.parse(JSON.stringify(ORACLE)));

  const out = path.join(dir, `${path.basename(book, ".xlsx")}-result.xlsx`);
  const r = await calc(book, "--out", out);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  const bytes = fs.readFileSync(out);
  expect(packageProblems(bytes)).toEqual([]);
  // The input's tables come through untouched (name, range, header row: the same bytes).
  const inTables = packageTables(before);
  const outTables = packageTables(bytes);
  for (const t of inTables) {
    const o = outTables.find((x) => x.sheet === t.sheet && x.displayName === t.displayName)!;
    expect({ name: o.displayName, ref: o.ref, header: o.headerRowCount }).toEqual({ name: t.displayName, ref: t.ref, header: t.headerRowCount });
    if (tablesAsBytes) expect(o.bytes.equals(t.bytes)).toBe(true);
  }
  expect(outTables.filter((t) => t.sheet === "测算结果").map((t) => t.displayName)).toEqual(["ResultTable"]);
  return out;
}

/** LibreOffice opens the result; 测算结果's 合计 row and 资金汇总 equal the engine's figures. */
function checkInLibreOffice(out: string): void {
  const sheets = toCsv(out, dir);
  const total = sheets["测算结果"].find((x) => x[0] === "合计")!;
  const num = (s: string | undefined) => Number(s);
  expect(total.slice(3, 7).map(num)).toEqual([
    ORACLE.project.residentByTier.basic,
    ORACLE.project.residentByTier.improvement,
    ORACLE.project.residentByTier.enhancement,
    ORACLE.project.residentTotal,
  ]);
  expect([total[8], total[9], total[10], total[11], total[12]].map(num)).toEqual([
    ORACLE.totals!.relief,
    ORACLE.totals!.grant,
    ORACLE.totals!.net,
    ORACLE.totals!.paid,
    ORACLE.totals!.balance,
  ]);
  const summary = sheets["资金汇总"];
  expect(num(summary.find((x) => x[0] === "财政补助 F = min(F0, 上限)")![1])).toBe(ORACLE.project.fiscalSubsidy);
  expect(sheets["住户"].length).toBeGreaterThan(EXAMPLE_INPUT.households!.length);
}

describeWith(OPENPYXL, NO_PY("openpyxl"))("a workbook written by openpyxl", () => {
  test("absolute table targets, a table without style, a table not at A1, comments, a chart sheet, a very hidden sheet: computes to the fen, result valid", async () => {
    const book = path.join(dir, "openpyxl.xlsx");
    runPython(OPENPYXL!, "openpyxl_book.py", [specFile({ offsetHouseholds: true }), book]);
    expect(partText(fs.readFileSync(book), "xl/worksheets/_rels/sheet1.xml.rels")).toContain('Target="/xl/tables/table1.xml"'); // the case that crashed exceljs
    const out = await checkBook(book);
    if (SOFFICE !== undefined) checkInLibreOffice(out);
  }, 240_000);
});

describeWith(XLSXWRITER, NO_PY("xlsxwriter"))("a workbook written by xlsxwriter", () => {
  test("tables without headerRowCount, rich text, chart, picture, comment, 1904 dates: computes to the fen; the tables keep their header row", async () => {
    const book = path.join(dir, "xlsxwriter.xlsx");
    runPython(XLSXWRITER!, "xlsxwriter_book.py", [specFile(), book, "--date1904"]);
    for (const t of packageTables(fs.readFileSync(book))) expect(t.headerRowCount).toBeUndefined();
    const out = await checkBook(book);
    // The chart and the picture of 住户 are carried over (their parts are in the result).
    const names = partNames(fs.readFileSync(out));
    expect(names).toContain("xl/charts/chart1.xml");
    expect(names).toContain("xl/media/image1.png");
    if (SOFFICE !== undefined) checkInLibreOffice(out);
  }, 240_000);

  test.each([false, true])(
    "a date in a money cell is an error naming the cell, never a serial number taken as money (1904 system: %s)",
    async (date1904) => {
      const book = path.join(dir, `xlsxwriter-date-${date1904}.xlsx`);
      runPython(XLSXWRITER!, "xlsxwriter_book.py", [specFile(), book, "--date-in", "3", ...(date1904 ? ["--date1904"] : [])]);
      const r = await calc(book, "--out", path.join(dir, "never.xlsx"));
      expect(r.code).toBe(2);
      // Serial 45717 is 2025-03-01 in the 1900 system and 2029-03-02 in the 1904 system (1462 days later).
      expect(r.err).toContain(`住户!G4: 应为数字，实为日期 ${date1904 ? "2029-03-02" : "2025-03-01"}`);
      expect(fs.existsSync(path.join(dir, "never.xlsx"))).toBe(false);
    },
    120_000,
  );
});

describeWith(SOFFICE, NO_SOFFICE)("a workbook written by LibreOffice", () => {
  test("soffice --convert-to xlsx of the example: computes to the fen, result valid and opens", async () => {
    const source = path.join(dir, "lo-source.xlsx");
    await writeBook(source, EXAMPLE_INPUT);
    const book = libreOfficeXlsx(source, path.join(dir, "lo"), dir);
    expect(partText(fs.readFileSync(book), "docProps/app.xml")).toContain("LibreOffice");
    const out = await checkBook(book);
    checkInLibreOffice(out);
  }, 300_000);
});

describeWith(PYTHON, NO_PY("zipfile (python3)"))("packages as other producers lay them out", () => {
  test(".NET style: absolute part names, renamed parts, x: prefixes, inline strings", async () => {
    const source = path.join(dir, "dotnet-source.xlsx");
    await writeBook(source, EXAMPLE_INPUT);
    const book = path.join(dir, "dotnet.xlsx");
    runPython(PYTHON!, "rewrite_package.py", [source, book, "dotnet"]);
    expect(partNames(fs.readFileSync(book))).toContain("xl/worksheets/data3.xml");
    const out = await checkBook(book);
    if (SOFFICE !== undefined) checkInLibreOffice(out);
  }, 240_000);

  test("Strict Open XML: read, and the result is written as Transitional", async () => {
    const source = path.join(dir, "strict-source.xlsx");
    await writeBook(source, EXAMPLE_INPUT);
    const book = path.join(dir, "strict.xlsx");
    runPython(PYTHON!, "rewrite_package.py", [source, book, "strict"]);
    const out = await checkBook(book, false); // Strict namespaces are rewritten, so the table parts change
    expect(partText(fs.readFileSync(book), "xl/workbook.xml")).toContain('conformance="strict"');
    expect(partText(fs.readFileSync(out), "xl/workbook.xml")).not.toMatch(/conformance|purl\.oclc\.org/);
    if (SOFFICE !== undefined) checkInLibreOffice(out);
  }, 240_000);
});

describe("what cannot be carried over is listed on stderr and in 计算说明", () => {
  /** The 计算说明 row that lists it, read back from the result (our reader). */
  async function notCarriedRow(out: string): Promise<unknown[] | undefined> {
    const book = await loadWorkbook("r.xlsx", fs.readFileSync(out));
    const ws = book.sheet("计算说明")!;
    const rows = readRange(ws.cells, 1, 1, Math.max(...ws.cells.rowNumbers()), 3);
    return rows.find((r) => r[0] === "未带入结果文件")?.slice(0, 2);
  }

  describeWith(PYTHON, NO_PY("zipfile (python3)"))("a macro-enabled workbook (.xlsm)", () => {
    test("computes; the result is a plain .xlsx without the VBA project, and says so", async () => {
      const source = path.join(dir, "macro-source.xlsx");
      await writeBook(source, EXAMPLE_INPUT);
      const book = path.join(dir, "macro.xlsm");
      runPython(PYTHON!, "rewrite_package.py", [source, book, "xlsm"]);
      const out = path.join(dir, "macro-result.xlsx");
      const r = await calc(book, "--out", out);
      expect(r.code).toBe(0);
      expect(r.err).toBe(
        `注意：以下内容未复制到结果文件 ${out}： / note: not copied to the result file ${out}:\n` +
          "  宏（VBA 工程）未复制到结果文件（.xlsx 不能含宏） / the macros (VBA project) were not copied to the result file (an .xlsx cannot hold macros)\n",
      );
      const bytes = fs.readFileSync(out);
      expect(packageProblems(bytes)).toEqual([]);
      expect(partNames(bytes)).not.toContain("xl/vbaProject.bin");
      expect(partText(bytes, "[Content_Types].xml")).not.toMatch(/macroEnabled|vbaProject/);
      expect(await notCarriedRow(out)).toEqual(["未带入结果文件", "宏（VBA 工程）未复制到结果文件（.xlsx 不能含宏）。输入工作簿本身未改动。"]);
      if (SOFFICE !== undefined) checkInLibreOffice(out);
    }, 240_000);
  });

  describeWith(OPENPYXL, NO_PY("openpyxl"))("a chart the user put on 资金汇总 of an earlier result", () => {
    test("the sheet is regenerated; its chart is listed as not carried over", async () => {
      const source = path.join(dir, "again-source.xlsx");
      await writeBook(source, EXAMPLE_INPUT);
      const first = path.join(dir, "again-1.xlsx");
      expect((await calc(source, "--out", first)).code).toBe(0);
      const withChart = path.join(dir, "again-chart.xlsx");
      runPython(OPENPYXL!, "add_chart.py", [first, withChart, "资金汇总"]);
      const out = path.join(dir, "again-2.xlsx");
      const r = await calc(withChart, "--out", out);
      expect(r.code).toBe(0);
      expect(r.err).toContain(
        "  资金汇总（旧表，已重新生成） 的 1 张图表未复制到结果文件 / 1 chart of 资金汇总（旧表，已重新生成） not copied to the result file",
      );
      expect(await notCarriedRow(out)).toEqual(["未带入结果文件", "资金汇总（旧表，已重新生成） 的 1 张图表未复制到结果文件。输入工作簿本身未改动。"]);
      const bytes = fs.readFileSync(out);
      expect(packageProblems(bytes)).toEqual([]);
      expect(partNames(bytes).filter((n) => n.startsWith("xl/charts/"))).toEqual([]);
      // One sheet of each name: the old output sheets were replaced, not duplicated.
      const book = await loadWorkbook("r.xlsx", bytes);
      expect(book.sheetNames).toEqual(["政策参数", "项目信息", "住户", "加装电梯", "测算结果", "电梯分摊", "资金汇总", "计算说明"]);
      if (SOFFICE !== undefined) checkInLibreOffice(out);
    }, 240_000);
  });
});
