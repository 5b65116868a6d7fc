/**
 * Reading the input sheets with Office.js (office-platform.md "Task pane I/O"), by the one rule of
 * src/workbook/input-table.ts that the command line's reader follows too:
 * 1. names of sheets and tables (1 sync);
 * 2. each table's range, data body and first row, and each input sheet's used range (1 sync);
 * 3. the planned rectangles' values and number formats, ~250,000 cells a sync, halved and retried when
 *    Excel on the web answers that a response was too big. A number in a date-formatted cell becomes a
 *    Date, so the reader names it as a date instead of taking its serial number as money.
 * ExcelApi 1.1 throughout; `getUsedRange(valuesOnly)` where ExcelApi 1.2 has it.
 */
import {
  Box,
  CellValue,
  INPUT_SHEET_NAMES,
  InputKind,
  ReadPlan,
  SheetGrid,
  SheetShape,
  TableShape,
  dateFromSerial,
  inputGrid,
  inputReadPlan,
  isDateFormat,
  rangeAddress,
} from "../workbook";
import { Piece, planReads } from "./chunk";
import { ExcelIoError, PortFeatures, PortLimits, errorCode, loadNames } from "./office-common";
import { InputsRead, ProgressListener, WorkbookInfo } from "./port";

const TOO_BIG = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "PayloadTooLarge"]);
const DIMS = "rowIndex,columnIndex,rowCount,columnCount";

/** `'my sheet'!A1:B2` / `住户!A1:N41` → the sheet name. */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const s = bang < 0 ? "" : address.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

type Dims = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
const boxOf = (r: Dims): Box => ({ top: r.rowIndex + 1, left: r.columnIndex + 1, rows: r.rowCount, cols: r.columnCount });

/** A loaded table as input-table.ts sees it: header row when the data body starts below the range's top. */
function tableShape(name: string, range: Dims, body: Dims, first: CellValue[]): TableShape {
  const headerRow = body.rowIndex > range.rowIndex;
  const totalsRow = range.rowIndex + range.rowCount > body.rowIndex + body.rowCount;
  const box = boxOf(range);
  return { name, box: { ...box, rows: Math.max(1, box.rows - (totalsRow ? 1 : 0)) }, headerRow, totalsRow, header: first };
}

/** Values of one read, a date-formatted number turned into a Date. */
function withDates(values: CellValue[][], formats: string[][] | undefined): CellValue[][] {
  if (formats === undefined) return values;
  for (let r = 0; r < values.length; r++) {
    const vr = values[r];
    const fr = formats[r];
    for (let c = 0; c < vr.length; c++) if (typeof vr[c] === "number" && isDateFormat(fr?.[c] ?? "General")) vr[c] = dateFromSerial(vr[c] as number);
  }
  return values;
}

/** Reads the input sheets of the given kinds: grids by kind (a missing sheet is absent). */
export async function readInputSheets(
  ctx: Excel.RequestContext,
  kinds: readonly InputKind[],
  features: PortFeatures,
  limits: PortLimits,
  onProgress?: ProgressListener,
): Promise<InputsRead> {
  const wb = ctx.workbook;
  const namesOf = loadNames(ctx);
  await ctx.sync();
  const info: WorkbookInfo = namesOf();

  // Step 2: every table's shape (its sheet comes from its address), each input sheet's used range.
  const tables = info.tables.map((name) => {
    const t = wb.tables.getItem(name);
    const range = t.getRange().load(`address,${DIMS}`);
    return { name, range, body: t.getDataBodyRange().load(DIMS), first: t.getRange().getRow(0).load("values") };
  });
  const present = kinds.filter((k) => info.sheets.includes(INPUT_SHEET_NAMES[k]));
  const used = present.map((k) => {
    const ws = wb.worksheets.getItem(INPUT_SHEET_NAMES[k]);
    const range = (features.columnWidths === true ? ws.getUsedRange(true) : ws.getUsedRange()).load(DIMS);
    return { kind: k, range, corner: range.getCell(0, 0).load("values") };
  });
  await ctx.sync();
  const plans = used.map((u): { kind: InputKind; sheet: string; plan: ReadPlan } => {
    const sheet = INPUT_SHEET_NAMES[u.kind];
    const shape: SheetShape = {
      sheet,
      tables: tables.filter((t) => sheetOfAddress(t.range.address) === sheet).map((t) => tableShape(t.name, t.range, t.body, t.first.values[0] as CellValue[])),
      // An empty sheet's used range is A1 holding nothing.
      used:
        u.range.rowCount === 1 && u.range.columnCount === 1 && (u.corner.values[0][0] === "" || u.corner.values[0][0] === null) ? undefined : boxOf(u.range),
    };
    return { kind: u.kind, sheet, plan: inputReadPlan(u.kind, shape) };
  });

  // Step 3: the planned boxes, in batches.
  const boxes = plans.map((p) => (p.plan.kind === "empty" ? { top: 1, left: 1, rows: 0, cols: 1 } : p.plan.box));
  const values = boxes.map((b) => new Array<CellValue[]>(b.rows));
  let cells = limits.readCells;
  let pending: Piece[] = boxes.map((b, item) => ({ item, start: 0, count: b.rows })).filter((p) => p.count > 0);
  const total = pending.reduce((n, p) => n + p.count, 0);
  let done = 0;
  while (pending.length > 0) {
    const batch = planReads(
      pending.map((p) => ({ rows: p.count, columns: boxes[p.item].cols })),
      cells,
    )[0].map((b) => ({
      item: pending[b.item].item,
      start: pending[b.item].start + b.start,
      count: b.count,
    }));
    const loaded = batch.map((piece) => {
      const b = boxes[piece.item];
      const range = wb.worksheets.getItem(plans[piece.item].sheet).getRange(rangeAddress(b.top + piece.start, b.left, piece.count, b.cols));
      return { piece, range: range.load("values,numberFormat") };
    });
    let tooBig = false;
    try {
      await ctx.sync();
      // An oversized read may answer null instead of failing (office-platform.md).
      tooBig = loaded.some((l) => !Array.isArray(l.range.values));
    } catch (e) {
      if (!TOO_BIG.has(errorCode(e))) throw e;
      tooBig = true;
    }
    if (tooBig) {
      // Half of what just failed, so one retry usually fits.
      const tried = batch.reduce((n, b) => n + b.count * boxes[b.item].cols, 0);
      if (tried <= 1000) throw new ExcelIoError("ResponsePayloadSizeLimitExceeded", "table too large to read");
      cells = Math.floor(Math.min(cells, tried) / 2);
      continue;
    }
    for (const l of loaded) {
      const v = withDates(l.range.values as CellValue[][], l.range.numberFormat as string[][]);
      for (let r = 0; r < l.piece.count; r++) values[l.piece.item][l.piece.start + r] = v[r];
      done += l.piece.count;
    }
    const next: Piece[] = [];
    for (const p of pending) {
      const got = batch.filter((b) => b.item === p.item).reduce((n, b) => n + b.count, 0);
      if (got < p.count) next.push({ item: p.item, start: p.start + got, count: p.count - got });
    }
    pending = next;
    onProgress?.(done, total);
  }
  const grids: Partial<Record<InputKind, SheetGrid>> = {};
  plans.forEach((p, i) => (grids[p.kind] = inputGrid(p.kind, p.sheet, p.plan, values[i])));
  return { grids, info };
}
