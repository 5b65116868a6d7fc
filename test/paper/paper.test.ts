/**
 * Tests on paper (issue 12): every produced sheet is printed to PDF with LibreOffice on A4 — the example
 * project's result workbook (its input sheets, 测算结果, 资金汇总, 计算说明 and 公示), the payment notices
 * 2 and 4 to a page, and the 22-project programme's 项目汇总 / 问题清单 — and the PDF is read back:
 *
 * - orientation and page counts; the table header on every page of a table;
 * - the print scale: no text smaller than 9 pt (word heights against a 10 pt calibration cell at 100%);
 * - one font family: the PDF embeds only WenQuanYi Zen Hei (standing in for 等线: no serif bold);
 * - nothing clipped or overlapping: every cell's text, as Excel shows it, is on paper in full, its lines
 *   within its row's height, and no two words are printed over each other.
 *
 * The checks read the PDF only; the sheets' own width estimates (src/workbook/sheets/paper.ts) are not
 * the oracle. Needs soffice, poppler-utils, fonts-wqy-zenhei and fonts-crosextra-carlito: without them
 * the tests are reported as skipped. PNG renders go to test/artifacts/paper/, and to docs/images/ with
 * UPDATE_PAPER_IMAGES=1.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { generateProgramme } from "../../src/cli/example-programme";
import { buildPublicitySheet, displayText, rowHeightFor, wrappedLines } from "../../src/workbook";
import { mergeResultSheets } from "../../src/xlsx/merge";
import { calculateBook, workbookBytes } from "../../src/xlsx";
import { templateBook } from "../../src/xlsx";
import { SOFFICE, NO_SOFFICE, describeWith } from "../support/programs";
import { calc, openBook, tempDir } from "../xlsx/helpers";
import { HAS_FONTS, NO_FONTS, NO_POPPLER, PDFFONTS, PDFTOPPM, PDFTOTEXT, Page, Word, findText, fonts, overlap, pages, renderPng, toPdf } from "./pdf";

const ready = SOFFICE !== undefined && PDFTOTEXT !== undefined && PDFFONTS !== undefined && PDFTOPPM !== undefined && HAS_FONTS;
const reason = SOFFICE === undefined ? NO_SOFFICE : PDFTOTEXT === undefined || PDFFONTS === undefined || PDFTOPPM === undefined ? NO_POPPLER : NO_FONTS;

const ARTIFACTS = path.join(__dirname, "..", "artifacts", "paper");
const DOC_IMAGES = path.join(__dirname, "..", "..", "docs", "images");

/** Smallest text on paper (points); 0.05 pt for the PDF's rounding. */
const MIN_PT = 9 - 0.05;

interface Printed {
  /** The sheet's pages in the PDF, in order, and their 1-based page numbers in the PDF. */
  readonly pages: Page[];
  readonly numbers: number[];
  readonly ws: ExcelJS.Worksheet;
}

/** The pages of each sheet, by the sheet name LibreOffice prints at the top left (our page header &A). */
function bySheet(pdf: string, wb: ExcelJS.Workbook): Map<string, Printed> {
  const out = new Map<string, Printed>();
  for (const [i, p] of pages(pdf).entries()) {
    const head = p.words.filter((w) => w.yMax < 50 && w.xMin < 150).map((w) => w.text);
    const name = wb.worksheets.map((ws) => ws.name).find((n) => head.includes(n));
    if (name === undefined) throw new Error(`a page without a sheet name in its header: ${head.join(" ")}`);
    if (!out.has(name)) out.set(name, { pages: [], numbers: [], ws: wb.getWorksheet(name)! });
    out.get(name)!.pages.push(p);
    out.get(name)!.numbers.push(i + 1);
  }
  return out;
}

/** The text a cell shows (Excel's view), and its row's height in points. */
interface Shown {
  readonly address: string;
  readonly text: string;
  readonly rowHeight: number;
}

/** Every master cell with text, as shown under its number format. */
function shownCells(ws: ExcelJS.Worksheet): Shown[] {
  const out: Shown[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      if (v === null || v === undefined) return;
      const text = displayText(v as string | number | boolean | Date, cell.numFmt ?? "General");
      if (text.trim() === "") return;
      out.push({ address: cell.address, text, rowHeight: row.height ?? 15 });
    });
  });
  return out;
}

/** Words of the page body (between the page header and footer). */
const body = (p: Page): Word[] => p.words.filter((w) => w.yMin > 45 && w.yMax < p.height - 40);

let dir = "";
let calibration = 0;
const pdfs: Record<string, { pdf: string; book: ExcelJS.Workbook; sheets: Map<string, Printed> }> = {};

describeWith(ready, reason)("every output on A4 paper (LibreOffice)", () => {
  beforeAll(async () => {
    dir = tempDir("reno-paper-");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The example project, settled, with the optional payment rows of 项目信息 filled in.
    const book = path.join(dir, "hongqiao.xlsx");
    const wb = templateBook({ example: true, settlement: { "costs.basic": 830000.5, "costs.improvement": 455000, "costs.enhancement": 180000 } });
    const info = wb.getWorksheet("项目信息")!;
    info.eachRow((row) => {
      const key = row.getCell(1).value;
      const text = {
        paymentAccount: "乐清市农商银行城东支行 户名：虹桥社区居民委员会 账号 2010 0001 2345 6789",
        paymentDeadline: "2026年12月31日",
        officerContact: "王晓明 0577-6123 4567",
      }[String(key)];
      if (text === undefined) return;
      row.getCell(3).value = text;
      // The cell wraps (template): Excel sizes the row to the text when it is typed; exceljs does not, so do it here.
      row.height = rowHeightFor(wrappedLines(text, info.getColumn(3).width!));
    });
    fs.writeFileSync(book, await workbookBytes(wb));
    const result = path.join(dir, "result.xlsx");
    const notices2 = path.join(dir, "notices-2.xlsx");
    const notices4 = path.join(dir, "notices-4.xlsx");
    expect((await calc(book, "--out", result, "--notices", notices2)).code).toBe(0);
    expect((await calc(book, "--notices", notices4, "--per-page", "4")).code).toBe(0);
    // 公示 (a task-pane sheet) added to the result workbook: 国庆 2026 inside the period.
    const r = await calculateBook("result.xlsx", fs.readFileSync(result));
    if (!r.ok) throw new Error("result workbook unreadable");
    const pub = buildPublicitySheet(r.read.result, { start: { year: 2026, month: 9, day: 28 }, publisher: "虹桥社区居民委员会" });
    if (!pub.ok) throw new Error(pub.zh);
    // Added the way the command line adds sheets: merged into the file's package (src/xlsx/merge.ts).
    fs.writeFileSync(result, await mergeResultSheets(r.workbook, [pub.sheet]));
    // The 22-project programme (Sanyuan 2022 scale) and its summary.
    const folder = path.join(dir, "programme");
    fs.mkdirSync(folder);
    await generateProgramme(folder);
    const summary = path.join(dir, "programme-summary.xlsx");
    expect((await calc(folder, "--out", summary)).code).toBe(0);
    // A 10 pt cell printed at 100%: how tall 10 pt text is in this PDF.
    const cal = new ExcelJS.Workbook();
    const ws = cal.addWorksheet("cal");
    ws.getCell("A1").value = "校准文字";
    ws.getCell("A1").font = { name: "等线", size: 10 };
    ws.pageSetup = { paperSize: 9, scale: 100 };
    const calBook = path.join(dir, "calibration.xlsx");
    await cal.xlsx.writeFile(calBook);

    const books = { result, notices2, notices4, summary, calBook };
    const out = toPdf(SOFFICE!, dir, Object.values(books));
    for (const f of [...out, ...Object.values(books)]) fs.copyFileSync(f, path.join(ARTIFACTS, path.basename(f)));
    const calWord = pages(out[4])[0].words.find((w) => w.text === "校准文字")!;
    calibration = (calWord.yMax - calWord.yMin) / 10;
    for (const [k, pdf] of Object.entries(books)
      .slice(0, 4)
      .map(([k], i) => [k, out[i]] as const)) {
      const b = await openBook(books[k as keyof typeof books]);
      pdfs[k] = { pdf, book: b, sheets: bySheet(pdf, b) };
    }
  }, 600_000);

  afterAll(() => {
    if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
  });

  test("prints each sheet in its orientation, the table header on every page", () => {
    const expected: Record<string, [string, "portrait" | "landscape", string | undefined]> = {
      政策参数: ["result", "landscape", "参数"],
      项目信息: ["result", "portrait", "字段"],
      住户: ["result", "landscape", "房号"],
      加装电梯: ["result", "landscape", "单元"],
      测算结果: ["result", "landscape", "房号"],
      电梯分摊: ["result", "landscape", "房号"],
      资金汇总: ["result", "portrait", undefined],
      计算说明: ["result", "landscape", "步骤"],
      公示: ["result", "portrait", "序号"],
      缴费通知: ["notices2", "portrait", undefined],
      项目汇总: ["summary", "landscape", "序号"],
      问题清单: ["summary", "landscape", "文件"],
    };
    for (const [sheet, [file, orientation, header]] of Object.entries(expected)) {
      const printed = pdfs[file].sheets.get(sheet);
      expect([sheet, printed !== undefined]).toEqual([sheet, true]);
      for (const p of printed!.pages) {
        expect([sheet, p.width > p.height ? "landscape" : "portrait"]).toEqual([sheet, orientation]);
        // Rotated or not, A4: 595 × 842 pt.
        expect([Math.round(Math.min(p.width, p.height)), Math.round(Math.max(p.width, p.height))]).toEqual([595, 842]);
        if (header !== undefined) expect([sheet, body(p).some((w) => w.text === header)]).toEqual([sheet, true]);
      }
    }
  });

  test("prints the expected number of pages", () => {
    const count = (file: string, sheet: string) => pdfs[file].sheets.get(sheet)!.pages.length;
    // 40 households: 2 notices to a page → 20 pages, 4 → 10.
    expect(pages(pdfs.notices2.pdf)).toHaveLength(20);
    expect(pages(pdfs.notices4.pdf)).toHaveLength(10);
    // 项目汇总 is two pages wide (序号, 文件 and 项目名称 on both halves): an even number of pages.
    expect(count("summary", "项目汇总") % 2).toBe(0);
    for (const p of pdfs.summary.sheets.get("项目汇总")!.pages)
      expect(body(p).map((w) => w.text)).toEqual(expect.arrayContaining(["序号", "文件", "项目名称"]));
    // 22 projects (names on two or three lines) + a total row: two bands of two pages.
    expect(count("summary", "项目汇总")).toBe(4);
    // 40 households: 41 rows of 15 pt on landscape pages (about 30 rows a page) → 2 pages; the same
    // for 测算结果 below its title block; 公示 (portrait, about 45 rows a page, 4 note rows) → 2 pages.
    expect(count("result", "住户")).toBe(2);
    expect(count("result", "测算结果")).toBe(2);
    expect(count("result", "公示")).toBe(2);
    // 计算说明 (23 steps, the two elevators' 11 steps, run information, 依据, signatures) and 资金汇总 (≈ 80 rows) stay short.
    expect(count("result", "计算说明")).toBeLessThanOrEqual(6);
    // 电梯分摊: the two elevators, then 20 households under their repeated header, then 2 units without one.
    expect(count("result", "电梯分摊")).toBe(2);
    expect(count("result", "加装电梯")).toBe(1);
    expect(count("result", "资金汇总")).toBeLessThanOrEqual(3);
    expect(count("result", "项目信息")).toBe(1);
  });

  test("never prints text below 9 pt, in one font family", () => {
    expect(calibration).toBeGreaterThan(1);
    for (const [file, { pdf }] of Object.entries(pdfs)) {
      const smallest = Math.min(...pages(pdf).flatMap((p) => p.words.map((w) => (w.yMax - w.yMin) / calibration)));
      expect([file, smallest >= MIN_PT]).toEqual([file, true]);
      // One family for every cell, bold ones included (a font-less bold style printed in a serif before).
      expect([file, [...new Set(fonts(pdf))]]).toEqual([file, ["WenQuanYiZenHei"]]);
    }
  });

  test("prints every cell's text in full, its lines within its row, nothing over anything else", () => {
    const problems: string[] = [];
    for (const [file, { sheets }] of Object.entries(pdfs)) {
      for (const [sheet, printed] of sheets) {
        for (const c of shownCells(printed.ws)) {
          // The tightest place it is printed, on any page of the sheet (repeated rows print it on every page).
          const heights = printed.pages
            .map((p) => findText(c.text, body(p)))
            .filter((x): x is Word[] => x !== undefined)
            .map((ws) => Math.max(...ws.map((w) => w.yMax)) - Math.min(...ws.map((w) => w.yMin)));
          if (heights.length === 0) {
            problems.push(`${file} ${sheet}!${c.address}: "${c.text}" not printed in full`);
            continue;
          }
          const height = Math.min(...heights);
          if (height > c.rowHeight + 1.5) problems.push(`${file} ${sheet}!${c.address}: ${height.toFixed(1)} pt of text in a ${c.rowHeight} pt row`);
        }
        for (const p of printed.pages) {
          const ws = body(p);
          for (let i = 0; i < ws.length; i++) {
            for (let j = i + 1; j < ws.length; j++) if (overlap(ws[i], ws[j])) problems.push(`${file} ${sheet}: "${ws[i].text}" over "${ws[j].text}"`);
          }
        }
        // Numbers too wide for their column print as ###.
        if (printed.pages.some((p) => p.words.some((w) => /^#+$/.test(w.text)))) problems.push(`${file} ${sheet}: ### on paper`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("renders PNG pages for the manual", () => {
    const shots: [string, string, number, string][] = [
      ["result", "测算结果", 0, "paper-result"],
      ["result", "资金汇总", 0, "paper-summary"],
      ["result", "计算说明", 0, "paper-audit"],
      ["result", "计算说明", -1, "paper-audit-last"],
      ["result", "公示", 0, "paper-publicity"],
      ["result", "住户", 0, "paper-households"],
      ["result", "电梯分摊", 0, "paper-elevators"],
      ["notices2", "缴费通知", 0, "paper-notices-2"],
      ["notices4", "缴费通知", 0, "paper-notices-4"],
      ["summary", "项目汇总", 0, "paper-programme-1"],
      ["summary", "项目汇总", 1, "paper-programme-2"],
    ];
    const update = process.env.UPDATE_PAPER_IMAGES === "1";
    for (const [file, sheet, k, name] of shots) {
      const numbers = pdfs[file].sheets.get(sheet)!.numbers;
      const page = numbers[k < 0 ? numbers.length + k : k];
      const [png] = renderPng(pdfs[file].pdf, path.join(dir, name), page, page, 60);
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      fs.copyFileSync(png, path.join(ARTIFACTS, `${name}.png`));
      if (update) fs.copyFileSync(png, path.join(DOC_IMAGES, `${name}.png`));
    }
  });
});
