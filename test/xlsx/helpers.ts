import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main as calcMain } from "../../src/cli/calc";
import { main as templateMain } from "../../src/cli/template";
import { ExampleInput } from "../../src/workbook";
import { templateBook, workbookBytes } from "../../src/xlsx";

/** A fresh folder under the OS temp dir. */
export function tempDir(prefix = "reno-xlsx-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs a CLI `main` and captures its exit code, stdout and stderr. */
export async function run(main: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

export const calc = (...argv: string[]) => run(calcMain, argv);
export const template = (...argv: string[]) => run(templateMain, argv);

/** Writes a standard workbook holding `input` (and 决算 values) to `file`. */
export async function writeBook(file: string, input: ExampleInput, settlement?: Record<string, number>): Promise<void> {
  fs.writeFileSync(file, await workbookBytes(templateBook({ input, settlement, validationRows: 0 })));
}

/** Opens a workbook, lets `edit` change it, saves it back. */
export async function editBook(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

export async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet's values as plain rows (row 1 first), formulas as their results. */
export function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.from((row.values as unknown[]).slice(1)).map((v) =>
      v !== null && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : (v ?? null),
    );
    rows[n - 1] = values;
  });
  const out = Array.from(rows, (r) => r ?? []);
  // Rows that only carry formatting or validation are not values.
  while (out.length > 0 && out[out.length - 1].every((v) => v === null)) out.pop();
  return out;
}

export const SMALL: ExampleInput = {
  project: { name: "测试小区", area: 8000, costs: { basic: 2000000, improvement: 1000000, enhancement: 500000 }, socialCapital: 100000 },
  households: [
    { id: "1-101", owner: "王芳", area: 88.5, status: "低保户", paid: 1200, participated: true, agreed: true },
    { id: "1-102", owner: "李强", area: 70, participated: true, agreed: true },
    { id: "1-103", owner: "张伟", area: 100.25, status: "生活困难职工", paid: 500000, participated: true, agreed: false },
  ],
};
