/**
 * The cells of one worksheet part as src/workbook sees them (plain `CellValue`s), read straight from the
 * sheet XML: only cells that are written in the part are visited, so a read scales with the cells that
 * hold data, never with the used range (a stray format on XFD1048576 costs nothing).
 *
 * Values as Excel shows them: shared strings and inline strings (rich text as its text, phonetic runs
 * left out, `_x000D_` escapes decoded), numbers, booleans, errors as text (`#N/A`), formulas as their
 * cached result, ISO date cells (`t="d"`) and numbers in a date format as Date (1900 and 1904 systems).
 */
import { CellValue, cellAddress, columnNumber, dateFromSerial, isDateFormat } from "../workbook";
import { XmlHandler, localName, scanXml } from "./xml";

/** Excel's escapes of characters XML cannot carry (`_x000D_` → CR, `_x005F_` → `_`). */
export function decodeExcelEscapes(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The texts of `<si>` (shared strings) or `<is>` (inline string): runs joined, phonetic runs skipped. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let rPh = 0;
  let cur = "";
  scanXml(xml, {
    open(name, _a, selfClosing) {
      const l = localName(name);
      if (l === "si") {
        if (selfClosing) out.push("");
        else ((inSi = true), (cur = ""));
      } else if (l === "rPh") {
        if (!selfClosing) rPh++;
      } else if (l === "t" && inSi && !selfClosing) inT = true;
    },
    close(name) {
      const l = localName(name);
      if (l === "si") {
        out.push(decodeExcelEscapes(cur));
        inSi = false;
      } else if (l === "rPh") rPh--;
      else if (l === "t") inT = false;
    },
    text(t) {
      if (inT && rPh === 0) cur += t;
    },
  });
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30; 27–36 and 50–58 are the CJK ones). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style index (`s`), whether its number format shows a date or time. */
export function readDateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, a, selfClosing) {
      const l = localName(name);
      if (l === "numFmt") formats.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (l === "cellXfs" && !selfClosing) inCellXfs = true;
      else if (l === "xf" && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (localName(name) === "cellXfs") inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id);
  });
}

/** An Excel table of a sheet, as its part says. */
export interface SheetTable {
  /** displayName (what formulas use), else name. */
  readonly name: string;
  readonly ref: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
}

/** A rectangle (1-based). */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** The cells of a sheet that hold something, by row. */
export class SheetCells {
  /** Row number → its cells (ascending columns) and values. */
  readonly rows = new Map<number, { cols: number[]; values: CellValue[] }>();
  /** Formulas without a cached result: A1 address → formula text. */
  readonly noResult = new Map<string, string>();
  /** Merged ranges. */
  readonly merges: CellBox[] = [];
  private sortedRows?: number[];
  private mergeIndex?: Map<number, CellBox[]>;

  /** Row numbers that hold cells, ascending. */
  rowNumbers(): number[] {
    this.sortedRows ??= [...this.rows.keys()].sort((a, b) => a - b);
    return this.sortedRows;
  }

  /** True for a cell inside a merged range other than its top-left (Excel shows it blank). */
  hiddenByMerge(r: number, c: number): boolean {
    if (this.merges.length === 0) return false;
    if (this.mergeIndex === undefined) {
      this.mergeIndex = new Map();
      for (const m of this.merges) {
        for (let row = m.top; row < m.top + m.rows && row - m.top < 100_000; row++) {
          const list = this.mergeIndex.get(row) ?? [];
          list.push(m);
          this.mergeIndex.set(row, list);
        }
      }
    }
    for (const m of this.mergeIndex.get(r) ?? []) {
      if (c >= m.left && c < m.left + m.cols) return !(r === m.top && c === m.left);
    }
    return false;
  }
}

/** `B12` → [12, 2]; undefined for anything else. */
export function parseRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (m === null) return undefined;
  return [Number(m[2]), columnNumber(m[1].toUpperCase())];
}

/** `A1:J41` (or one cell) → a box; undefined when it is not a range. */
export function parseBox(ref: string): CellBox | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  if (p === undefined || q === undefined) return undefined;
  const top = Math.min(p[0], q[0]);
  const left = Math.min(p[1], q[1]);
  return { top, left, rows: Math.abs(q[0] - p[0]) + 1, cols: Math.abs(q[1] - p[1]) + 1 };
}

const DAY_MS = 86_400_000;

/** An ISO date or date-time (`2025-03-01`, `2025-03-01T08:30:00`) as a Date (UTC, like serial dates). */
function isoDate(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (m === null) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
    return t === null ? undefined : new Date(Date.UTC(1899, 11, 31, Number(t[1]), Number(t[2]), Number(t[3] ?? 0)));
  }
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A serial day number as a Date in the workbook's date system. */
export function serialDate(serial: number, date1904: boolean): Date {
  return date1904 ? new Date(Date.UTC(1904, 0, 1) + Math.round(serial * DAY_MS)) : dateFromSerial(serial);
}

export interface SheetContext {
  readonly sharedStrings: () => readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** Reads the cells of a worksheet part (every cell that holds a value, formulas without a result recorded). */
export function readSheetCells(xml: string, ctx: SheetContext): SheetCells {
  const sheet = new SheetCells();
  let row = 0;
  let col = 0;
  // The cell being read.
  let inCell = false;
  let type = "";
  let style = 0;
  let v: string | undefined;
  let f: string | undefined;
  let sharedIndex: string | undefined;
  let inV = false;
  let inF = false;
  let inIs = false;
  let inT = false;
  let rPh = 0;
  let inlineText = "";
  const sharedMasters = new Map<string, string>();

  const put = (value: CellValue) => {
    let line = sheet.rows.get(row);
    if (line === undefined) {
      line = { cols: [], values: [] };
      sheet.rows.set(row, line);
    }
    line.cols.push(col);
    line.values.push(value);
  };

  const finishCell = () => {
    let value: CellValue = null;
    if (type === "inlineStr") value = decodeExcelEscapes(inlineText);
    else if (v !== undefined) {
      if (type === "s") value = ctx.sharedStrings()[Number(v)] ?? "";
      else if (type === "str") value = decodeExcelEscapes(v);
      else if (type === "b") value = v.trim() === "1" || v.trim().toLowerCase() === "true";
      else if (type === "e") value = v.trim();
      else if (type === "d") value = isoDate(v) ?? v;
      else if (v.trim() === "") value = null;
      else {
        const n = Number(v);
        if (Number.isNaN(n)) value = v;
        else value = ctx.dateStyles[style] === true ? serialDate(n, ctx.date1904) : n;
      }
    } else if (f !== undefined) {
      const text = f !== "" ? f : (sharedMasters.get(sharedIndex ?? "") ?? "");
      sheet.noResult.set(cellAddress(row, col), text);
    }
    if (value !== null) put(value);
  };

  const handler: XmlHandler = {
    open(name, a, selfClosing) {
      const l = localName(name);
      if (inCell) {
        if (l === "v") {
          if (selfClosing) v = "";
          else ((inV = true), (v = ""));
        } else if (l === "f") {
          f = "";
          sharedIndex = a.si;
          if (!selfClosing) inF = true;
        } else if (l === "is") inIs = !selfClosing;
        else if (l === "rPh") rPh += selfClosing ? 0 : 1;
        else if (l === "t" && inIs && !selfClosing) inT = true;
        return;
      }
      if (l === "c") {
        const ref = a.r === undefined ? undefined : parseRef(a.r);
        if (ref !== undefined) [row, col] = ref;
        else col++;
        type = a.t ?? "n";
        style = a.s === undefined ? 0 : Number(a.s);
        v = undefined;
        f = undefined;
        sharedIndex = undefined;
        inlineText = "";
        if (selfClosing) return; // <c r="A1" s="3"/>: a format only
        inCell = true;
      } else if (l === "row") {
        row = a.r === undefined ? row + 1 : Number(a.r);
        col = 0;
      } else if (l === "mergeCell" && a.ref !== undefined) {
        const box = parseBox(a.ref);
        if (box !== undefined) sheet.merges.push(box);
      }
    },
    close(name) {
      const l = localName(name);
      if (!inCell) return;
      if (l === "v") inV = false;
      else if (l === "f") {
        inF = false;
        if (sharedIndex !== undefined && f !== "" && !sharedMasters.has(sharedIndex)) sharedMasters.set(sharedIndex, f ?? "");
      } else if (l === "is") inIs = false;
      else if (l === "rPh") rPh--;
      else if (l === "t") inT = false;
      else if (l === "c") {
        inCell = false;
        finishCell();
      }
    },
    text(t) {
      if (inV) v += t;
      else if (inF) f += t;
      else if (inT && rPh === 0) inlineText += t;
    },
  };
  scanXml(xml, handler);
  return sheet;
}

/**
 * A rectangle of a sheet as CellValues, as Excel shows them. top, left: 1-based; rows, cols ≥ 0.
 * - A merged range keeps its value in its top-left (master) cell only; the other cells read as blank.
 * - A formula without a calculated result reads as blank and is recorded in `noResult` (A1 address →
 *   formula text), so the reader can report it instead of taking it as 0.
 * Rows are as long as their last cell in range (ragged): memory follows the cells that exist.
 */
export function readRange(sheet: SheetCells, top: number, left: number, rows: number, cols: number, noResult?: Map<string, string>): CellValue[][] {
  const out: CellValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) out[r] = [];
  const visit = (r: number) => {
    const line = sheet.rows.get(r);
    if (line === undefined) return;
    const target = out[r - top];
    for (let i = 0; i < line.cols.length; i++) {
      const c = line.cols[i];
      if (c < left || c >= left + cols) continue;
      if (sheet.hiddenByMerge(r, c)) continue;
      while (target.length < c - left) target.push(null);
      target[c - left] = line.values[i];
    }
  };
  if (rows <= 64) for (let r = top; r < top + rows; r++) visit(r);
  else for (const r of sheet.rowNumbers()) if (r >= top && r < top + rows) visit(r);
  if (noResult !== undefined) {
    for (const [address, formula] of sheet.noResult) {
      const rc = parseRef(address);
      if (rc !== undefined && rc[0] >= top && rc[0] < top + rows && rc[1] >= left && rc[1] < left + cols) noResult.set(address, formula);
    }
  }
  return out;
}

/** The box of the cells that hold a value (formats alone do not count); undefined when none does. */
export function valueBox(sheet: SheetCells): CellBox | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [r, line] of sheet.rows) {
    for (let i = 0; i < line.cols.length; i++) {
      const v = line.values[i];
      if (v === null || (typeof v === "string" && v === "")) continue;
      const c = line.cols[i];
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  return bottom === 0 ? undefined : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}
