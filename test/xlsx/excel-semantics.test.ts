/**
 * The exceljs adapter reads cells as Excel shows them (QA pass): merged cells keep their value in the
 * top-left cell only, a formula without a calculated result is an error, an Excel table's totals row
 * and a 合计 row typed under the data are not households; output sheets carry print setup.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { calculate, toOutputJson } from "../../src/engine";
import { ExampleInput, HOUSEHOLD_COLUMNS } from "../../src/workbook";
import { calculateBook, loadWorkbook, sheetGrid } from "../../src/xlsx";
import { calc, editBook, openBook, sheetRows, tempDir, writeBook } from "./helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SIX: ExampleInput = {
  project: { name: "六户小区", area: 600, costs: { basic: 200000, improvement: 100000, enhancement: 50000 }, socialCapital: 0 },
  households: ["1-101", "1-102", "1-103", "1-104", "1-105", "1-106"].map((id, i) => ({ id, owner: `户${i + 1}`, area: 100, paid: i === 0 ? 5000 : undefined })),
};

const column = (key: string) => HOUSEHOLD_COLUMNS.findIndex((c) => c.key === key) + 1;

async function read(file: string) {
  const r = await calculateBook(path.basename(file), fs.readFileSync(file));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.ref}: ${e.en}`).join("\n"));
  return r.read;
}

async function errors(file: string) {
  const r = await calculateBook(path.basename(file), fs.readFileSync(file));
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("merged cells", () => {
  test("keep their value in the top-left cell only (已缴 G2:G3, 困难类别 F5:F6), as in Excel", async () => {
    const book = path.join(dir, "merged.xlsx");
    await writeBook(book, SIX);
    await editBook(book, (wb) => {
      const h = wb.getWorksheet("住户")!;
      h.getCell("G2").value = 5000;
      h.mergeCells("G2:G3");
      h.getCell("F5").value = "低保户";
      h.mergeCells("F5:F6");
    });
    const r = await read(book);
    const hs = r.input.households!;
    // 5000 paid once (by 1-101), not twice; relief for 1-104 only.
    expect(hs.map((h) => h.paid ?? null)).toEqual([5000, null, null, null, null, null]);
    expect(hs.map((h) => h.status ?? null)).toEqual([null, null, null, "低保户", null, null]);
    const j = toOutputJson(r.result);
    expect(j.totals!.paid).toBe(5000);
    expect(j.households!.filter((h) => h.relief > 0).map((h) => h.id)).toEqual(["1-104"]);
  });
});

describe("formulas without a calculated result", () => {
  test("are an error naming the cell in 住户 and in 项目信息, never a silent 0 or 'missing'", async () => {
    const book = path.join(dir, "formula.xlsx");
    await writeBook(book, SIX);
    await editBook(book, (wb) => {
      wb.getWorksheet("住户")!.getCell("G3").value = { formula: "1000*3" } as ExcelJS.CellFormulaValue;
      wb.getWorksheet("住户")!.getCell("G4").value = { formula: "1000*3", result: 3000 } as ExcelJS.CellFormulaValue;
      wb.getWorksheet("项目信息")!.getCell("C3").value = { formula: "300+300" } as ExcelJS.CellFormulaValue;
    });
    const e = await errors(book);
    expect(e.map((x) => [x.ref, x.code])).toEqual([
      ["项目信息!C3", "formula.noResult"],
      ["住户!G3", "formula.noResult"],
    ]);
    expect(e[1].zh).toContain("公式没有计算结果，请在 Excel 中重新计算并保存");
    const out = path.join(dir, "formula-out.xlsx");
    const r = await calc(book, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("住户!G3: 公式没有计算结果");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("with a cached result read as that result", async () => {
    const book = path.join(dir, "formula-ok.xlsx");
    await writeBook(book, SIX);
    await editBook(book, (wb) => {
      wb.getWorksheet("住户")!.getCell("G3").value = { formula: "1000*3", result: 3000 } as ExcelJS.CellFormulaValue;
    });
    expect((await read(book)).input.households![1].paid).toBe(3000);
  });
});

describe("total rows", () => {
  test("an Excel table's own totals row (showTotals) is never data", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("住户");
    ws.addTable({
      name: "HouseholdTable",
      ref: "A1",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "房号", totalsRowLabel: "汇总" },
        { name: "建筑面积", totalsRowFunction: "sum" },
      ],
      rows: [
        ["1-101", 50],
        ["1-102", 60],
      ],
    });
    const reloaded = await loadWorkbook("t.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheetGrid(reloaded.sheet("住户")!, "households").values).toEqual([
      ["房号", "建筑面积"],
      ["1-101", 50],
      ["1-102", 60],
    ]);
  });

  test("a 合计 row typed under the table is skipped and named in 计算说明", async () => {
    const book = path.join(dir, "total.xlsx");
    await writeBook(book, SIX);
    await editBook(book, (wb) => {
      const h = wb.getWorksheet("住户")!;
      h.getCell("A8").value = "合计";
      h.getCell(8, column("area")).value = { formula: "SUM(C2:C7)", result: 600 } as ExcelJS.CellFormulaValue;
      h.getCell(8, column("paid")).value = { formula: "SUM(G2:G7)", result: 5000 } as ExcelJS.CellFormulaValue;
    });
    const r = await read(book);
    expect(r.skippedRows).toEqual(["住户!A8"]);
    const plain = calculate(SIX);
    if (!plain.ok) throw new Error("fixture");
    expect(toOutputJson(r.result)).toEqual(toOutputJson(plain.value));
    const out = path.join(dir, "total-out.xlsx");
    const run = await calc(book, "--out", out);
    expect(run.code).toBe(0);
    expect(run.err).toContain("skipped total rows (not households): 住户!A8");
    expect(sheetRows(await openBook(out), "计算说明").find((x) => x[0] === "跳过的合计行")?.[1]).toMatch(/^住户!A8（/);
  });
});

describe("output presentation", () => {
  test("output sheets carry A4 print setup and repeated header rows; long texts wrap without a number format", async () => {
    const book = path.join(dir, "print.xlsx");
    await writeBook(book, SIX);
    const out = path.join(dir, "print-out.xlsx");
    expect((await calc(book, "--out", out)).code).toBe(0);
    const wb = await openBook(out);
    const setup = (name: string) => {
      const p = wb.getWorksheet(name)!.pageSetup;
      return [p.paperSize, p.orientation, p.fitToPage, p.fitToWidth, p.fitToHeight, p.printTitlesRow];
    };
    // The title block (title; project, stage, date, unit) and the table header repeat on every page.
    expect(setup("测算结果")).toEqual([9, "landscape", true, 1, 0, "1:3"]);
    expect(setup("资金汇总")).toEqual([9, "portrait", true, 1, 0, "1:2"]);
    expect(setup("计算说明")).toEqual([9, "landscape", true, 1, 0, "1:3"]);
    const summary = wb.getWorksheet("资金汇总")!;
    let pathCell: ExcelJS.Cell | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === "审批路径") pathCell = row.getCell(2);
    });
    // The short path in the value column, its full sentence in the wrapped 依据 column.
    expect(String(pathCell!.value)).toBe("三合一");
    expect(pathCell!.numFmt ?? "General").toBe("General");
    const rule = summary.getCell(`C${pathCell!.row}`);
    expect(String(rule.value)).toMatch(/^三合一：/);
    expect(rule.alignment?.wrapText).toBe(true);
  });

  test("the batch summary prints landscape with its header row repeated", async () => {
    const folder = path.join(dir, "batch");
    fs.mkdirSync(folder);
    await writeBook(path.join(folder, "a.xlsx"), SIX);
    const out = path.join(dir, "batch-summary.xlsx");
    expect((await calc(folder, "--out", out)).code).toBe(0);
    const ws = (await openBook(out)).getWorksheet("项目汇总")!;
    // Two pages wide at 100%, 序号–项目名称 repeated on both: 16 columns are not shrunk below 9 pt.
    expect([ws.pageSetup.orientation, ws.pageSetup.fitToWidth, ws.pageSetup.printTitlesRow, ws.pageSetup.printTitlesColumn]).toEqual([
      "landscape",
      2,
      "1:4",
      "A:C",
    ]);
  });
});
