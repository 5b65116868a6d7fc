/**
 * Writing sheets with Office.js so that a failed run leaves the workbook as it was (workbook-layout.md:
 * "a failed run leaves the previous outputs as they were"):
 * 1. names and positions of the sheets (1 sync; 1 more when a table name we write exists, to see where);
 * 2. every new sheet is written in full under a hidden temporary name (`reno~1` …), its tables under
 *    temporary names: values and number formats in requests of ≤ ~4 MB (a sync each), formats before
 *    values so that text such as `3-12` or `=1+1` stays text, then tables, widths, frozen rows, wrapping,
 *    print setup and charts;
 * 3. one last sync swaps them in: each old sheet is deleted, its new one takes its name, place and
 *    table names and is shown.
 * Any failure before the swap deletes the temporary sheets (in a new `Excel.run`) and leaves every old
 * sheet untouched; a temporary sheet left by a lost connection is hidden and removed by the next run.
 */
import { CellValue, ChartSpec, SheetData, ValidationSpec, cellAddress, columnLetter, rangeAddress } from "../workbook";
import { Piece, planBatches, rowBytes } from "./chunk";
import { PortFeatures, PortLimits } from "./office-common";
import { NameTakenError, ProgressListener, WriteOptions } from "./port";

/** The prefix of the temporary names of sheets being written (ours: a run deletes any sheet so named). */
export const TEMP_PREFIX = "reno~";
export const isTempSheet = (name: string): boolean => name.startsWith(TEMP_PREFIX);
const tempSheetName = (i: number) => `${TEMP_PREFIX}${i + 1}`;
const tempTableName = (name: string) => `${name}_reno_new`;

const ERROR_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/** Excel's day number of a date (1900 date system), for Date cells. */
function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
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
    for (let c = 0; c < width; c++) [ov[c], of[c]] = cellOut(vr[c] ?? null, fr[c] ?? "General");
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

/** Tables (temporary names), fonts, bold rows, widths, frozen rows, wrapping, styles, heights, merges, print setup and charts. */
function decorate(p: PreparedSheet, sheet: Excel.Worksheet, features: PortFeatures): void {
  const d = p.data;
  if (d.table !== undefined && d.table.columns.length > 0) {
    const t = d.table;
    const table = sheet.tables.add(rangeAddress(t.top, t.left, t.rows + 1, t.columns.length), true);
    table.name = tempTableName(t.name);
    // A light style on paper: our header shading and grid lines show (ExcelApi 1.1).
    if (d.font !== undefined) table.style = PAPER_TABLE_STYLE;
  }
  // One font for every cell (ExcelApi 1.1): bold rows and styles change weight or size only.
  if (d.font !== undefined && d.values.length > 0) {
    const all = sheet.getRange(rangeAddress(1, 1, d.values.length, p.width)).format.font;
    all.name = d.font.name;
    all.size = d.font.size;
    all.color = "#000000";
  }
  for (const row of d.boldRows ?? []) sheet.getRange(rangeAddress(row, 1, 1, p.width)).format.font.bold = true;
  // ExcelApi 1.2: column widths; an older Excel keeps its default widths.
  if (features.columnWidths !== false) {
    (d.columnWidths ?? []).forEach((w, i) => {
      sheet.getRange(rangeAddress(1, i + 1, 1, 1)).format.columnWidth = charsToPoints(w);
    });
  }
  if (d.freezeRows !== undefined && d.freezeRows > 0 && features.freezePanes) sheet.freezePanes.freezeRows(d.freezeRows);
  for (const address of d.wrap ?? []) sheet.getRange(address).format.wrapText = true;
  decoratePaper(d, sheet, features);
  (d.charts ?? []).forEach((c: ChartSpec, i) => {
    const chart = sheet.charts.add(c.type as Excel.ChartType, sheet.getRange(c.dataRange), c.seriesBy as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    const place = chartPlace(p.width, i);
    chart.setPosition(place.topLeft, place.bottomRight);
  });
}

/** The table style of sheets for paper (as the .xlsx writer: src/xlsx/print.ts). */
const PAPER_TABLE_STYLE = "TableStyleLight1";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const EDGES = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  insideHorizontal: "InsideHorizontal",
  insideVertical: "InsideVertical",
} as const;
const LINES = { thin: ["Continuous", "Thin"], medium: ["Continuous", "Medium"], dashed: ["Dash", "Thin"] } as const;

/**
 * Paper (src/workbook/sheets/paper.ts) through Office.js: cell styles — size, bold, alignment, wrapping,
 * borders, fills (ExcelApi 1.1; the indent level 1.9) —, row heights and merged ranges (1.2), and the
 * page setup (1.9): A4, orientation, fit to width, margins, centring, repeated rows and columns, page
 * header and footer, print order and manual page breaks. A host without a set skips its part: the
 * sheet is still written, and prints with Excel's defaults there.
 */
function decoratePaper(d: SheetData, sheet: Excel.Worksheet, features: PortFeatures): void {
  const merged = features.columnWidths !== false;
  for (const st of d.styles ?? []) {
    const f = sheet.getRange(st.range).format;
    if (st.bold !== undefined) f.font.bold = st.bold;
    if (st.size !== undefined) f.font.size = st.size;
    // Centred across a merged range only: without merging (ExcelApi 1.1) a centred title would spill both ways.
    if (st.horizontal !== undefined && (merged || st.horizontal !== "center" || !(d.merges ?? []).some((m) => m.startsWith(`${st.range.split(":")[0]}:`)))) {
      f.horizontalAlignment = H_ALIGN[st.horizontal] as Excel.HorizontalAlignment;
    }
    if (st.vertical !== undefined) f.verticalAlignment = V_ALIGN[st.vertical] as Excel.VerticalAlignment;
    if (st.wrap !== undefined) f.wrapText = st.wrap;
    if (st.indent !== undefined && features.pageLayout === true) f.indentLevel = st.indent;
    if (st.fill !== undefined) f.fill.color = `#${st.fill}`;
    if (st.border !== undefined) {
      const [style, weight] = LINES[st.border.line];
      for (const e of st.border.edges) {
        const b = f.borders.getItem(EDGES[e] as Excel.BorderIndex);
        b.style = style as Excel.BorderLineStyle;
        b.weight = weight as Excel.BorderWeight;
      }
    }
  }
  if (merged) {
    for (const { row, height } of d.rowHeights ?? []) sheet.getRange(`A${row}`).format.rowHeight = height;
    for (const m of d.merges ?? []) sheet.getRange(m).merge(false);
  }
  if (d.print === undefined || features.pageLayout !== true) return;
  const pr = d.print;
  const layout = sheet.pageLayout;
  layout.paperSize = "A4" as Excel.PaperType;
  layout.orientation = (pr.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: pr.fitToWidth };
  if (pr.titleRows !== undefined) layout.setPrintTitleRows(`$${pr.titleRows.first}:$${pr.titleRows.last}`);
  if (pr.titleColumns !== undefined) {
    layout.setPrintTitleColumns(`$${columnLetter(pr.titleColumns.first)}:$${columnLetter(pr.titleColumns.last)}`);
  }
  if (pr.fitToWidth > 1) layout.printOrder = "OverThenDown" as Excel.PrintOrder;
  if (pr.margins !== undefined) {
    const m = pr.margins;
    const pt = (inches: number) => Math.round(inches * 7200) / 100;
    layout.leftMargin = pt(m.left);
    layout.rightMargin = pt(m.right);
    layout.topMargin = pt(m.top);
    layout.bottomMargin = pt(m.bottom);
    layout.headerMargin = pt(m.header);
    layout.footerMargin = pt(m.footer);
  }
  if (pr.centerHorizontally === true) layout.centerHorizontally = true;
  if (pr.header !== undefined || pr.footer !== undefined) {
    const hf = layout.headersFooters.defaultForAllPages;
    if (pr.header?.left !== undefined) hf.leftHeader = pr.header.left;
    if (pr.header?.center !== undefined) hf.centerHeader = pr.header.center;
    if (pr.header?.right !== undefined) hf.rightHeader = pr.header.right;
    if (pr.footer?.left !== undefined) hf.leftFooter = pr.footer.left;
    if (pr.footer?.center !== undefined) hf.centerFooter = pr.footer.center;
    if (pr.footer?.right !== undefined) hf.rightFooter = pr.footer.right;
  }
  // A break above the row after each page's last row.
  for (const r of pr.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${r + 1}`);
}

/** A drop-down list (ExcelApi 1.8). */
function addValidation(sheet: Excel.Worksheet, v: ValidationSpec): void {
  const dv = sheet.getRange(v.range).dataValidation;
  dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
  dv.prompt = { showPrompt: true, message: v.prompt.slice(0, 255), title: "" };
  dv.errorAlert = { showAlert: true, style: ERROR_STYLES[v.errorStyle], message: v.error.slice(0, 255), title: "" };
}

/** `replace`: output sheets replace theirs whole. `create`: new sheets only (the input template). */
export type WriteMode = "replace" | "create";

/**
 * Writes `sheets` as described in the module comment. Rejects with NameTakenError, writing nothing,
 * when `create` meets a taken sheet or table name, or `replace` a table name on a sheet it does not
 * replace. The caller deletes leftover temporary sheets when this rejects (`deleteTempSheets`).
 */
export async function writeSheets(
  ctx: Excel.RequestContext,
  sheets: readonly SheetData[],
  mode: WriteMode,
  features: PortFeatures,
  limits: PortLimits,
  options: WriteOptions = {},
): Promise<void> {
  const wb = ctx.workbook;
  const allSheets = wb.worksheets.load("items/name,items/position");
  const allTables = wb.tables.load("items/name");
  await ctx.sync();
  const existing = new Map(allSheets.items.map((s) => [s.name, s.position]));
  const tableNames = allTables.items.map((t) => t.name);
  const targets = sheets.map((s) => s.name);
  const wanted = sheets.flatMap((s) => (s.table === undefined ? [] : [s.table.name]));
  if (mode === "create") {
    const takenSheets = targets.filter((n) => existing.has(n));
    const takenTables = wanted.filter((n) => tableNames.includes(n));
    if (takenSheets.length > 0 || takenTables.length > 0) throw new NameTakenError(takenSheets, takenTables);
  } else {
    // A table name we are about to use that lives on a sheet we do not replace: refuse, untouched.
    const present = wanted.filter((n) => tableNames.includes(n));
    if (present.length > 0) {
      const where = present.map((n) => ({ n, range: wb.tables.getItem(n).getRange().load("address") }));
      await ctx.sync();
      const clash = where.filter((w) => !targets.some((t) => w.range.address.startsWith(`${t}!`) || w.range.address.startsWith(`'${t}'!`))).map((w) => w.n);
      if (clash.length > 0) throw new NameTakenError([], clash);
    }
  }

  const prepared = sheets.map(prepare);
  const app = wb.application;
  const temps: Excel.Worksheet[] = [];
  const sizes = prepared.map((p) => p.values.map((row, r) => rowBytes(row, p.formats[r])));
  const batches = planBatches(sizes, limits.writeBytes);
  if (batches.length === 0) batches.push([]);
  if (features.suspendScreenUpdating) app.suspendScreenUpdatingUntilNextSync();
  // Leftovers of a run that lost its connection, then the hidden temporary sheets.
  for (const [name] of existing) if (isTempSheet(name)) wb.worksheets.getItem(name).delete();
  prepared.forEach((_, i) => {
    const ws = wb.worksheets.add(tempSheetName(i));
    // ExcelApi 1.2; on Excel 2016 (1.1) the temporary sheets show until the swap.
    if (features.sheetVisibility !== false) ws.visibility = "Hidden" as Excel.SheetVisibility;
    temps.push(ws);
  });
  for (let b = 0; b < batches.length; b++) {
    if (features.suspendCalculation) app.suspendApiCalculationUntilNextSync();
    for (const piece of batches[b]) writePiece(prepared[piece.item], temps[piece.item], piece);
    if (b === batches.length - 1) {
      prepared.forEach((p, i) => decorate(p, temps[i], features));
      if (features.dataValidation) {
        for (const v of options.validations ?? []) {
          const i = sheets.findIndex((s) => s.name === v.sheet);
          if (i >= 0) addValidation(temps[i], v);
        }
      }
    }
    await ctx.sync();
    options.onProgress?.(b + 1, batches.length + 1);
  }

  // The swap, in one request: old sheets out, new ones in their names and places.
  const order = prepared.map((p, i) => ({ p, i, position: existing.get(p.data.name) })).sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
  for (const { p, i, position } of order) {
    const name = p.data.name;
    // Shown first: a workbook must keep a visible sheet, and the old one may be the only one.
    if (features.sheetVisibility !== false) temps[i].visibility = "Visible" as Excel.SheetVisibility;
    if (position !== undefined) wb.worksheets.getItem(name).delete();
    temps[i].name = name;
    if (p.data.table !== undefined) wb.tables.getItem(tempTableName(p.data.table.name)).name = p.data.table.name;
    if (position !== undefined) temps[i].position = position;
  }
  const a = options.activate === undefined ? -1 : sheets.findIndex((s) => s.name === options.activate);
  if (a >= 0) temps[a].activate();
  await ctx.sync();
  options.onProgress?.(batches.length + 1, batches.length + 1);
}

function writePiece(p: PreparedSheet, sheet: Excel.Worksheet, piece: Piece): void {
  const range = sheet.getRange(rangeAddress(piece.start + 1, 1, piece.count, p.width));
  // Formats first: text formatted `@` before it arrives stays text.
  range.numberFormat = p.formats.slice(piece.start, piece.start + piece.count);
  range.values = p.values.slice(piece.start, piece.start + piece.count);
}

/** Deletes the temporary sheets of a failed write (1–2 syncs). */
export async function deleteTempSheets(ctx: Excel.RequestContext): Promise<void> {
  const all = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const temps = all.items.filter((s) => isTempSheet(s.name));
  if (temps.length === 0) return;
  for (const s of temps) s.delete();
  await ctx.sync();
}

export type { ProgressListener };
