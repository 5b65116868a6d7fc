/** exceljs cell values → the plain `CellValue`s of src/workbook. */
import type { CellValue as ExcelCellValue, Worksheet } from "exceljs";
import { CellValue } from "../workbook";

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
 * A rectangle of a sheet as CellValues. top, left: 1-based; rows, cols ≥ 0.
 * Reads row objects directly (no per-cell getCell on empty cells) for speed.
 */
export function readRange(ws: Worksheet, top: number, left: number, rows: number, cols: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = ws.findRow(top + r);
    const line = new Array<CellValue>(cols).fill(null);
    if (row !== undefined) {
      const values = row.values as ExcelCellValue[];
      for (let c = 0; c < cols; c++) line[c] = plainValue(values[left + c]);
    }
    out.push(line);
  }
  return out;
}

/** The used rectangle from A1: rows and columns up to the last non-empty ones. */
export function usedSize(ws: Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rows = Math.max(rows, n);
    cols = Math.max(cols, row.cellCount);
  });
  return { rows, cols };
}
