/**
 * The workbook port on Office.js (ExcelApi 1.2 and later; newer sets are feature-detected).
 *
 * Rules followed here (office-platform.md, "Task pane I/O"):
 * - one 2-D `values` / `numberFormat` array per range, never cell by cell;
 * - reads: find and size the ranges (2 syncs), then one sync per ~250,000 cells, halved and retried
 *   when Excel on the web answers that a response was too big;
 * - writes: rows packed into requests of at most ~4 MB (a `context.sync()` each), number formats set
 *   before values so that text such as `3-12` or `=1+1` stays text;
 * - `suspendApiCalculationUntilNextSync()` in every write request, `suspendScreenUpdatingUntilNextSync()`
 *   once, where the requirement sets have them.
 */
import type { CellValue, ChartSpec, SheetData, SheetGrid } from "../workbook/grid";
import { cellAddress, rangeAddress } from "../workbook/grid";
import { Piece, READ_CELLS_PER_SYNC, WRITE_BUDGET_BYTES, planBatches, planReads, rowBytes } from "./chunk";
import { NameTakenError, ProgressListener, TableRequest, ValidationSpec, WorkbookInfo, WorkbookPort, WriteOptions } from "./port";

const ERROR_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/** The parts of the `Excel` namespace the port uses (the real one, or a fake in tests). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Optional API the host may lack (ExcelApi 1.6 / 1.7 / 1.9); detected once at start-up. */
export interface PortFeatures {
  /** ExcelApi 1.6: `application.suspendApiCalculationUntilNextSync()`. */
  readonly suspendCalculation: boolean;
  /** ExcelApi 1.9: `application.suspendScreenUpdatingUntilNextSync()`. */
  readonly suspendScreenUpdating: boolean;
  /** ExcelApi 1.7: `worksheet.freezePanes`. */
  readonly freezePanes: boolean;
  /** ExcelApi 1.8: `range.dataValidation`. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: `worksheet.pageLayout` (print setup of the output sheets); absent = not applied. */
  readonly pageLayout?: boolean;
}

export interface PortLimits {
  /** Request bytes per write sync. */
  readonly writeBytes: number;
  /** Cells per read sync (first try). */
  readonly readCells: number;
}

export const DEFAULT_LIMITS: PortLimits = { writeBytes: WRITE_BUDGET_BYTES, readCells: READ_CELLS_PER_SYNC };

/** An Office.js failure with its code, for the user's message. */
export class ExcelIoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ExcelIoError";
  }
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

const TOO_BIG = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "PayloadTooLarge"]);

/** Excel's day number of a date (1900 date system), for Date cells. */
function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 - d.getTimezoneOffset() / 1440;
}

/**
 * A cell as Office.js writes it: blank as "" (null would mean "leave unchanged"), dates as serials.
 * Text under the General format gets the Text format `@`: otherwise Excel parses it like typed input,
 * turning a 房号 `3-12` into a date or `=1+1` into a formula (cell text is untrusted).
 */
function cellOut(v: CellValue, format: string): [CellValue, string] {
  if (v === null || v === undefined) return ["", format];
  if (v instanceof Date) return [excelSerial(v), format];
  if (typeof v === "string" && v !== "" && format === "General") return [v, "@"];
  return [v, format];
}

interface PreparedSheet {
  readonly data: SheetData;
  readonly width: number;
  readonly values: CellValue[][];
  readonly formats: string[][];
}

function prepare(data: SheetData): PreparedSheet {
  const width = Math.max(1, ...data.values.map((r) => r.length));
  const values: CellValue[][] = new Array(data.values.length);
  const formats: string[][] = new Array(data.values.length);
  for (let r = 0; r < data.values.length; r++) {
    const vr = data.values[r];
    const fr = data.numberFormats[r] ?? [];
    const ov = new Array<CellValue>(width);
    const of = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      [ov[c], of[c]] = cellOut(vr[c] ?? null, fr[c] ?? "General");
    }
    values[r] = ov;
    formats[r] = of;
  }
  return { data, width, values, formats };
}

/** Column widths in the layout are in characters; Office.js wants points (a Latin character ≈ 6 pt). */
export function charsToPoints(chars: number): number {
  return Math.round(chars * 6 + 6);
}

const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

/** Where the i-th chart of a sheet goes: to the right of the data, one under the other. */
export function chartPlace(width: number, i: number): { topLeft: string; bottomRight: string } {
  const left = width + 2;
  const top = 2 + i * (CHART_ROWS + 2);
  return { topLeft: cellAddress(top, left), bottomRight: cellAddress(top + CHART_ROWS - 1, left + CHART_COLUMNS - 1) };
}

export function createOfficePort(excel: ExcelHost, features: PortFeatures, limits: PortLimits = DEFAULT_LIMITS): WorkbookPort {
  const run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await excel.run(batch);
    } catch (e) {
      if (e instanceof NameTakenError || e instanceof ExcelIoError) throw e;
      throw new ExcelIoError(errorCode(e) || "GeneralException", (e as Error)?.message ?? String(e));
    }
  };

  /** Loads sheet and table names (the caller syncs). */
  const loadNames = (ctx: Excel.RequestContext) => {
    const sheets = ctx.workbook.worksheets.load("items/name");
    const tables = ctx.workbook.tables.load("items/name");
    return () => ({ sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) });
  };

  /** Writes prepared sheets in ≤ budget requests; `finish` queues the last touches before the last sync. */
  const writeAll = async (
    ctx: Excel.RequestContext,
    prepared: readonly PreparedSheet[],
    sheetOf: (i: number) => Excel.Worksheet,
    first: () => void,
    finish: () => void,
    onProgress?: ProgressListener,
  ): Promise<void> => {
    const sizes = prepared.map((p) => p.values.map((row, r) => rowBytes(row, p.formats[r])));
    const batches = planBatches(sizes, limits.writeBytes);
    if (batches.length === 0) batches.push([]);
    const app = ctx.workbook.application;
    if (features.suspendScreenUpdating) app.suspendScreenUpdatingUntilNextSync();
    first();
    for (let b = 0; b < batches.length; b++) {
      if (features.suspendCalculation) app.suspendApiCalculationUntilNextSync();
      for (const piece of batches[b]) writePiece(prepared[piece.item], sheetOf(piece.item), piece);
      if (b === batches.length - 1) finish();
      await ctx.sync();
      onProgress?.(b + 1, batches.length);
    }
  };

  const writePiece = (p: PreparedSheet, sheet: Excel.Worksheet, piece: Piece) => {
    const range = sheet.getRange(rangeAddress(piece.start + 1, 1, piece.count, p.width));
    // Formats first: text formatted `@` before it arrives stays text.
    range.numberFormat = p.formats.slice(piece.start, piece.start + piece.count);
    range.values = p.values.slice(piece.start, piece.start + piece.count);
  };

  /** Tables, bold rows, widths, frozen rows, wrapped cells, print setup and charts of a written sheet. */
  const decorate = (p: PreparedSheet, sheet: Excel.Worksheet) => {
    const d = p.data;
    if (d.table !== undefined && d.table.columns.length > 0) {
      const t = d.table;
      const table = sheet.tables.add(rangeAddress(t.top, t.left, t.rows + 1, t.columns.length), true);
      table.name = t.name;
    }
    for (const row of d.boldRows ?? []) sheet.getRange(rangeAddress(row, 1, 1, p.width)).format.font.bold = true;
    (d.columnWidths ?? []).forEach((w, i) => {
      sheet.getRange(rangeAddress(1, i + 1, 1, 1)).format.columnWidth = charsToPoints(w);
    });
    if (d.freezeRows !== undefined && d.freezeRows > 0 && features.freezePanes) sheet.freezePanes.freezeRows(d.freezeRows);
    for (const address of d.wrap ?? []) sheet.getRange(address).format.wrapText = true;
    if (d.print !== undefined && features.pageLayout === true) {
      // ExcelApi 1.9. A4, one page wide (height automatic), the header rows repeated on each page.
      const layout = sheet.pageLayout;
      layout.paperSize = "A4" as Excel.PaperType;
      layout.orientation = (d.print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
      layout.zoom = { horizontalFitToPages: d.print.fitToWidth };
      if (d.print.titleRows !== undefined) layout.setPrintTitleRows(`$${d.print.titleRows.first}:$${d.print.titleRows.last}`);
    }
    (d.charts ?? []).forEach((c: ChartSpec, i) => {
      const chart = sheet.charts.add(c.type as Excel.ChartType, sheet.getRange(c.dataRange), c.seriesBy as Excel.ChartSeriesBy);
      chart.title.text = c.title;
      const place = chartPlace(p.width, i);
      chart.setPosition(place.topLeft, place.bottomRight);
    });
  };

  /** A drop-down list (ExcelApi 1.8). */
  const addValidation = (sheet: Excel.Worksheet, v: ValidationSpec) => {
    const dv = sheet.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
    dv.prompt = { showPrompt: true, message: v.prompt.slice(0, 255), title: "" };
    dv.errorAlert = { showAlert: true, style: ERROR_STYLES[v.errorStyle], message: v.error.slice(0, 255), title: "" };
  };

  return {
    inspect: () =>
      run(async (ctx) => {
        const names = loadNames(ctx);
        await ctx.sync();
        return names();
      }),

    readTables: (requests: readonly TableRequest[], onProgress?: ProgressListener) =>
      run(async (ctx) => {
        const wb = ctx.workbook;
        const namesOf = loadNames(ctx);
        await ctx.sync();
        const names: WorkbookInfo = namesOf();
        const dims = "rowIndex,columnIndex,rowCount,columnCount";
        const found = requests.map((req) => {
          if (names.tables.includes(req.table)) {
            const table = wb.tables.getItem(req.table);
            // Header row and data body only: a totals row (showTotals) is never data. The whole
            // range gives the top (header row); the data body gives the last data row.
            const range = table.getRange().load(dims);
            const body = table.getDataBodyRange().load(dims);
            const ws = table.worksheet.load("name");
            return { req, range, body, sheetName: () => ws.name, table: true };
          }
          if (names.sheets.includes(req.sheet)) {
            const range = wb.worksheets.getItem(req.sheet).getUsedRange(true).load(dims);
            return { req, range, body: undefined, sheetName: () => req.sheet, table: false };
          }
          return { req, body: undefined };
        });
        await ctx.sync();
        const present = found.flatMap((f) =>
          f.range === undefined
            ? []
            : [
                {
                  req: f.req,
                  table: f.table === true,
                  sheet: f.sheetName(),
                  top: f.range.rowIndex + 1,
                  left: f.range.columnIndex + 1,
                  rows: f.body === undefined ? f.range.rowCount : f.body.rowIndex + f.body.rowCount - f.range.rowIndex,
                  columns: f.range.columnCount,
                  values: new Array<CellValue[]>(f.range.rowCount),
                },
              ],
        );
        // Read in batches; a response Excel finds too big is retried in halves.
        let cells = limits.readCells;
        let pending: Piece[] = present.map((p, item) => ({ item, start: 0, count: p.rows }));
        const total = present.reduce((n, p) => n + p.rows, 0);
        let done = 0;
        while (pending.length > 0) {
          const batches = planReads(pending.map((p) => ({ rows: p.count, columns: present[p.item].columns })), cells);
          const batch = batches[0].map((b) => ({ item: pending[b.item].item, start: pending[b.item].start + b.start, count: b.count }));
          const loaded = batch.map((piece) => {
            const p = present[piece.item];
            const range = wb.worksheets.getItem(p.sheet).getRange(rangeAddress(p.top + piece.start, p.left, piece.count, p.columns));
            return { piece, range: range.load("values") };
          });
          let tooBig = false;
          try {
            await ctx.sync();
            tooBig = loaded.some((l) => !Array.isArray(l.range.values));
          } catch (e) {
            if (!TOO_BIG.has(errorCode(e))) throw e;
            tooBig = true;
          }
          if (tooBig) {
            // Half of what just failed, so one retry usually fits.
            const tried = batch.reduce((n, b) => n + b.count * present[b.item].columns, 0);
            if (tried <= 1000) throw new ExcelIoError("ResponsePayloadSizeLimitExceeded", "table too large to read");
            cells = Math.floor(Math.min(cells, tried) / 2);
            continue;
          }
          for (const l of loaded) {
            const p = present[l.piece.item];
            const v = l.range.values as CellValue[][];
            for (let r = 0; r < l.piece.count; r++) p.values[l.piece.start + r] = v[r];
            done += l.piece.count;
          }
          // Remove what was read from the pending pieces.
          const next: Piece[] = [];
          for (const p of pending) {
            const got = batch.filter((b) => b.item === p.item).reduce((n, b) => n + b.count, 0);
            if (got < p.count) next.push({ item: p.item, start: p.start + got, count: p.count - got });
          }
          pending = next;
          onProgress?.(done, total);
        }
        const grids = new Map<string, SheetGrid | undefined>();
        for (const req of requests) grids.set(req.sheet, undefined);
        for (const p of present) grids.set(p.req.sheet, { sheet: p.sheet, top: p.top, left: p.left, values: p.values });
        const fromTable = new Set(present.filter((p) => p.table).map((p) => p.req.sheet));
        return { grids, fromTable, info: names };
      }),

    replaceSheets: (sheets: readonly SheetData[], options: WriteOptions = {}) =>
      run(async (ctx) => {
        const wb = ctx.workbook;
        const namesOf = loadNames(ctx);
        await ctx.sync();
        const names = namesOf();
        const targets = sheets.map((s) => s.name);
        const existing = targets.filter((n) => names.sheets.includes(n));
        const owned = existing.map((n) => {
          const ws = wb.worksheets.getItem(n);
          return { ws, tables: ws.tables.load("items/name"), charts: ws.charts.load("items/name") };
        });
        await ctx.sync();
        // A table name we are about to create that lives on a sheet we do not replace: refuse, untouched.
        const ours = new Set(owned.flatMap((o) => o.tables.items.map((t) => t.name)));
        const clash = sheets.flatMap((s) => (s.table !== undefined && names.tables.includes(s.table.name) && !ours.has(s.table.name) ? [s.table.name] : []));
        if (clash.length > 0) throw new NameTakenError([], clash);

        const prepared = sheets.map(prepare);
        const handles = new Map<string, Excel.Worksheet>();
        await writeAll(
          ctx,
          prepared,
          (i) => handles.get(prepared[i].data.name)!,
          () => {
            for (const o of owned) {
              for (const t of o.tables.items) t.delete();
              for (const c of o.charts.items) c.delete();
              o.ws.getRange().clear();
            }
            for (const s of sheets) {
              handles.set(s.name, existing.includes(s.name) ? wb.worksheets.getItem(s.name) : wb.worksheets.add(s.name));
            }
          },
          () => {
            prepared.forEach((p) => decorate(p, handles.get(p.data.name)!));
            if (options.activate !== undefined && handles.has(options.activate)) handles.get(options.activate)!.activate();
          },
          options.onProgress,
        );
      }),

    createSheets: (sheets: readonly SheetData[], options: WriteOptions = {}) =>
      run(async (ctx) => {
        const wb = ctx.workbook;
        const namesOf = loadNames(ctx);
        await ctx.sync();
        const names = namesOf();
        const takenSheets = sheets.map((s) => s.name).filter((n) => names.sheets.includes(n));
        const takenTables = sheets.flatMap((s) => (s.table !== undefined && names.tables.includes(s.table.name) ? [s.table.name] : []));
        if (takenSheets.length > 0 || takenTables.length > 0) throw new NameTakenError(takenSheets, takenTables);
        const prepared = sheets.map(prepare);
        const handles: Excel.Worksheet[] = [];
        await writeAll(
          ctx,
          prepared,
          (i) => handles[i],
          () => {
            for (const s of sheets) handles.push(wb.worksheets.add(s.name));
          },
          () => {
            prepared.forEach((p, i) => decorate(p, handles[i]));
            if (features.dataValidation) {
              for (const v of options.validations ?? []) {
                const i = sheets.findIndex((s) => s.name === v.sheet);
                if (i >= 0) addValidation(handles[i], v);
              }
            }
            const a = options.activate === undefined ? -1 : sheets.findIndex((s) => s.name === options.activate);
            if (a >= 0) handles[a].activate();
          },
          options.onProgress,
        );
      }),

    selectRange: (sheet: string, address: string) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      }),
  };
}
