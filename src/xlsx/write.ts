/**
 * Writing the plain `SheetData` of src/workbook with exceljs: values, number formats, widths, bold rows,
 * frozen header rows, wrapped cells, page setup (A4, fit to width, repeated title rows), Excel tables
 * (with their total row written as values), data validation.
 */
import type ExcelJS from "exceljs";
import { SheetData, ValidationSpec, cellAddress, columnNumber } from "../workbook";
import { applyPaper } from "./print";

/** Removes a sheet by name when present. */
export function removeSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.getWorksheet(name);
  if (ws !== undefined) wb.removeWorksheet(ws.id);
}

/**
 * Adds a sheet built from `data`, replacing any sheet of that name (output sheets are replaced whole,
 * workbook-layout.md). Returns the new worksheet.
 */
export function writeSheet(wb: ExcelJS.Workbook, data: SheetData): ExcelJS.Worksheet {
  removeSheet(wb, data.name);
  const ws = wb.addWorksheet(data.name, data.freezeRows ? { views: [{ state: "frozen", ySplit: data.freezeRows, xSplit: 0 }] } : {});
  const t = data.table;
  if (t !== undefined) {
    const headerIdx = t.top - 1;
    const first = headerIdx + 1;
    const rows = data.values.slice(first, first + t.rows).map((r) => r.slice(t.left - 1, t.left - 1 + t.columns.length));
    const totals = t.totalsRow ? data.values[first + t.rows] : undefined;
    ws.addTable({
      name: t.name,
      ref: cellAddress(t.top, t.left),
      headerRow: true,
      totalsRow: t.totalsRow,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: t.columns.map((name, i) => ({
        name,
        filterButton: true,
        ...(i === 0 && totals !== undefined ? { totalsRowLabel: String(totals[t.left - 1] ?? "") } : { totalsRowFunction: "none" as const }),
      })),
      // A table needs at least one data row; the data rows are written below in any case.
      rows: rows.length > 0 ? rows : [t.columns.map(() => null)],
    });
  }
  // Values (the table's cells included: the total row gets the exact values, not formulas).
  for (let r = 0; r < data.values.length; r++) {
    const line = data.values[r];
    const formats = data.numberFormats[r];
    const row = ws.getRow(r + 1);
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      const f = formats?.[c];
      if (v === null && (f === undefined || f === "General")) continue;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (f !== undefined && f !== "General") cell.numFmt = f;
    }
  }
  data.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Fonts, bold rows, wrapping, styles, row heights, merges and page setup (src/xlsx/print.ts).
  applyPaper(ws, data, new Set((data.wrap ?? []).flatMap((range) => [...addresses(range)])));
  return ws;
}

/** Decodes `H2:H2001` into its cells' addresses (one column or a rectangle). */
function* addresses(range: string): Generator<string> {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (m === null) {
    yield range;
    return;
  }
  for (let c = columnNumber(m[1]); c <= columnNumber(m[3]); c++) for (let r = Number(m[2]); r <= Number(m[4]); r++) yield cellAddress(r, c);
}

/** Applies drop-down lists (exceljs merges equal neighbouring validations into ranges on write). */
export function applyValidations(wb: ExcelJS.Workbook, specs: readonly ValidationSpec[]): void {
  for (const v of specs) {
    const ws = wb.getWorksheet(v.sheet);
    if (ws === undefined) continue;
    const rule: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.values.join(",")}"`],
      showInputMessage: true,
      promptTitle: v.sheet,
      prompt: v.prompt.slice(0, 255),
      showErrorMessage: true,
      errorStyle: v.errorStyle,
      error: v.error.slice(0, 255),
    };
    for (const a of addresses(v.range)) ws.getCell(a).dataValidation = rule;
  }
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
