/** exceljs cell values → the plain `CellValue`s of src/workbook. */
import type { CellValue as ExcelCellValue, Row, Worksheet } from "exceljs";
import { CellValue, cellAddress } from "../workbook";

/**
 * One exceljs cell value as src/workbook sees it: formulas as their cached result, rich text as its
 * text, hyperlinks as their text, Excel errors as text (`#N/A`), dates as Date.
 */
export function plainValue(v: ExcelCellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("error" in o) return String(o.error);
  if ("formula" in o || "sharedFormula" in o) return plainValue(o.result as ExcelCellValue | undefined);
  if ("text" in o) return plainValue(o.text as ExcelCellValue);
  return null;
}

/**
 * The formula text of a formula cell that carries no calculated result (exceljs `{ formula, result:
 * undefined }`, as scripts write them), else undefined. Such a cell is not blank: it was never calculated.
 */
export function formulaWithoutResult(v: ExcelCellValue | undefined): string | undefined {
  if (v === null || typeof v !== "object" || v instanceof Date) return undefined;
  const o = v as unknown as Record<string, unknown>;
  if (!("formula" in o) && !("sharedFormula" in o)) return undefined;
  if (o.result !== undefined && o.result !== null) return undefined;
  return String(o.formula ?? o.sharedFormula ?? "");
}

/**
 * A rectangle of a sheet as CellValues, as Excel shows them. top, left: 1-based; rows, cols ≥ 0.
 * - A merged range keeps its value in its top-left (master) cell only; the other cells read as blank,
 *   as in Excel (Office.js `values` gives "" for them) — exceljs would repeat the master's value in each.
 * - A formula without a calculated result reads as blank and is recorded in `noResult` (A1 address →
 *   formula text), so the reader can report it instead of taking it as 0.
 * Reads the cells each row holds (no getCell on empty cells: nothing is created).
 */
export function readRange(ws: Worksheet, top: number, left: number, rows: number, cols: number, noResult?: Map<string, string>): CellValue[][] {
  // Rows as long as their last cell in range (SheetGrid rows may be ragged): memory follows the cells
  // that exist, not the size of the box (a stray value far away makes a big, mostly empty box).
  const out: CellValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) out[r] = [];
  const visit = (row: Row, n: number) => {
    const line = out[n - top];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < left || c >= left + cols) return;
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      const value = plainValue(v);
      while (line.length < c - left) line.push(null);
      line[c - left] = value;
      if (value === null && noResult !== undefined) {
        const formula = formulaWithoutResult(v);
        if (formula !== undefined) noResult.set(cellAddress(n, c), cell.formula || formula);
      }
    });
  };
  // A few rows (a header): look them up; many: one pass over the rows the sheet holds.
  if (rows <= 64) {
    for (let r = 0; r < rows; r++) {
      const row = ws.findRow(top + r);
      if (row !== undefined) visit(row, top + r);
    }
  } else {
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n >= top && n < top + rows) visit(row, n);
    });
  }
  return out;
}

/**
 * The box of the cells that hold a value (formats alone do not count: a stray format on a far cell
 * must not make the read huge); undefined when no cell holds one. Visits only the cells rows hold.
 */
export function valueBox(ws: Worksheet): { top: number; left: number; rows: number; cols: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value;
      if (v === null || v === undefined || (typeof v === "string" && v === "")) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  return bottom === 0 ? undefined : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}
