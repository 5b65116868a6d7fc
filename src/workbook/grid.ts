/**
 * Plain sheet data shared by both adapters (Office.js and exceljs): cell values, a read grid and the
 * sheets the builders produce. Rows and columns in addresses are 1-based as in Excel.
 */

/** A cell value as both adapters see it. Formulas arrive as their result; errors as text like `#N/A`. */
export type CellValue = string | number | boolean | null | Date;

/**
 * A rectangle of cells read from a sheet: the table's range **including its header row**.
 * `top` / `left` are the 1-based Excel row and column of `values[0][0]` (the first header cell);
 * `values[r][c]` is the cell at row `top + r`, column `left + c`. Rows may be ragged (missing = blank).
 */
export interface SheetGrid {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly CellValue[])[];
  /**
   * Formula cells that carry no calculated result (a file written by a script, never recalculated in
   * Excel), by A1 address (`G2`) → the formula text. Their `values` entry is null; the reader reports
   * each one it reads as `formula.noResult`. Office.js always gives results, so only the exceljs adapter
   * fills this.
   */
  readonly noResult?: ReadonlyMap<string, string>;
}

/** Where a value came from: `住户!C12`. */
export interface CellRef {
  readonly sheet: string;
  /** 1-based Excel row. */
  readonly row: number;
  /** 1-based Excel column. */
  readonly col: number;
  /** `C12`. */
  readonly address: string;
  /** `住户!C12`. */
  readonly ref: string;
}

/** 1 → A, 27 → AA. col: integer ≥ 1. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27 (the inverse of columnLetter). letters: upper-case A–Z. */
export function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** (12, 3) → `C12`. row, col: integers ≥ 1. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** The full reference of one cell. */
export function cellRef(sheet: string, row: number, col: number): CellRef {
  const address = cellAddress(row, col);
  return { sheet, row, col, address, ref: `${sheet}!${address}` };
}

/** `A1:N20` for a rectangle given by its 1-based top-left and size (rows, cols ≥ 1). */
export function rangeAddress(top: number, left: number, rows: number, cols: number): string {
  return `${cellAddress(top, left)}:${cellAddress(top + rows - 1, left + cols - 1)}`;
}

/** True for a blank cell (or an omitted argument): null, undefined, or text that is only whitespace. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A chart the task pane draws from data written in an output sheet (exceljs cannot draw charts). */
export interface ChartSpec {
  readonly title: string;
  /** Office.js chart type name. */
  readonly type: "Pie" | "ColumnClustered" | "BarStacked";
  /** Data including its header row and category column, as an A1 range in the same sheet. */
  readonly dataRange: string;
  readonly seriesBy: "Columns" | "Rows";
}

/** The table an output sheet holds. `top` / `left` are 1-based; `rows` counts data rows only. */
export interface TableSpec {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly columns: readonly string[];
  readonly rows: number;
  /** A total row follows the data rows; its values are in `values` (written as values, not formulas). */
  readonly totalsRow: boolean;
}

/** Page margins in inches (Excel's unit for page setup; Office.js takes points: × 72). */
export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/**
 * One page header or footer in Excel's codes: `&A` sheet name, `&F` file name, `&P` page, `&N` pages,
 * `&D` date, `&"等线,Regular"` font, `&9` size. Written as is by exceljs and by Office.js.
 */
export interface HeaderFooterSpec {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/**
 * Print setup of a sheet: A4, one page wide (as many pages tall as needed), the title and header rows
 * repeated on every page, margins, a page header and footer, manual page breaks. exceljs writes it into
 * the file; the Office.js port applies it where ExcelApi 1.9 (`worksheet.pageLayout`) is available.
 */
export interface PrintSpec {
  readonly paperSize: "A4";
  readonly orientation: "portrait" | "landscape";
  /**
   * Pages wide (1); the height is automatic. A safety net only: builders size their columns so that the
   * sheet fits the page at 100% (src/workbook/sheets/paper.ts), so fitting never shrinks text below 9 pt.
   */
  readonly fitToWidth: number;
  /** 1-based rows repeated at the top of each printed page, e.g. `{ first: 1, last: 3 }`. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /**
   * 1-based columns repeated at the left of each printed page, for a table printed two pages wide
   * (项目汇总: 序号, 文件, 项目名称 on both halves).
   */
  readonly titleColumns?: { readonly first: number; readonly last: number };
  readonly margins?: PageMargins;
  readonly header?: HeaderFooterSpec;
  readonly footer?: HeaderFooterSpec;
  /** Centre the printed area between the left and right margins. */
  readonly centerHorizontally?: boolean;
  /** 1-based rows after which a new page starts (manual page breaks: 2 or 4 notices per page). */
  readonly rowBreaks?: readonly number[];
}

/** A4, fitted to one page wide; `titleRow` repeated on every page when given. */
export function printSpec(orientation: PrintSpec["orientation"], titleRow?: number): PrintSpec {
  return { paperSize: "A4", orientation, fitToWidth: 1, ...(titleRow !== undefined ? { titleRows: { first: titleRow, last: titleRow } } : {}) };
}

/** A font as both adapters write it: one family for every cell of a sheet (src/workbook/sheets/paper.ts). */
export interface FontSpec {
  readonly name: string;
  /** Points. */
  readonly size: number;
}

/** A border line: thin grid lines of a table, a medium rule, the dashed cut line between notices. */
export type BorderLine = "thin" | "medium" | "dashed";
/** Which lines of a range: its four outer edges, and the lines between its rows / columns. */
export type BorderEdge = "top" | "bottom" | "left" | "right" | "insideHorizontal" | "insideVertical";

/** Formatting of a rectangle of cells, applied in order after the sheet's base font. */
export interface CellStyle {
  /** A1 range or cell (`A3:N3`, `B5`). */
  readonly range: string;
  readonly bold?: boolean;
  /** Font size in points (title rows); default the sheet's font size. */
  readonly size?: number;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center" | "bottom";
  /** Indent level of left-aligned text (one level ≈ one character): keeps texts off right-aligned numbers. */
  readonly indent?: number;
  readonly wrap?: boolean;
  readonly border?: { readonly line: BorderLine; readonly edges: readonly BorderEdge[] };
  /** Solid background, RGB hex without `#` (`F2F2F2`). */
  readonly fill?: string;
}

/** Every edge of every cell of a range: a printed table's grid. */
export const GRID_EDGES: readonly BorderEdge[] = ["top", "bottom", "left", "right", "insideHorizontal", "insideVertical"];

/**
 * An output (or template) sheet as plain data. `values[r][c]` is cell (r + 1, c + 1): every sheet starts
 * at A1. `numberFormats` has the same shape (`"General"` where nothing special).
 */
export interface SheetData {
  readonly name: string;
  readonly values: CellValue[][];
  readonly numberFormats: string[][];
  readonly columnWidths?: readonly number[];
  readonly table?: TableSpec;
  /** Rows to freeze at the top (the header row of the table). */
  readonly freezeRows?: number;
  /** 1-based rows to show in bold (titles, section headers, total rows). */
  readonly boldRows?: readonly number[];
  readonly charts?: readonly ChartSpec[];
  /** Cells or ranges (A1, e.g. `B21` or `O2:O30`) whose text wraps within the column width. */
  readonly wrap?: readonly string[];
  /** Page setup for printing. */
  readonly print?: PrintSpec;
  /** The font of every cell of the sheet (bold rows and styles keep it, changing weight or size only). */
  readonly font?: FontSpec;
  /** Alignment, borders, fills, sizes of ranges, applied in order. */
  readonly styles?: readonly CellStyle[];
  /** Heights in points of the rows that need one (wrapped texts, titles); other rows keep the default. */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  /** Merged ranges (A1), e.g. a title across the table: `A1:N1`. */
  readonly merges?: readonly string[];
}

/** Builds a SheetData row by row: each row's values and formats side by side. */
export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly numberFormats: string[][] = [];
  readonly boldRows: number[] = [];

  /** Appends a row; returns its 1-based row number. formats: per cell, default General. */
  row(values: CellValue[], formats: (string | undefined)[] = [], bold = false): number {
    this.values.push(values);
    this.numberFormats.push(values.map((_, i) => formats[i] ?? "General"));
    if (bold) this.boldRows.push(this.values.length);
    return this.values.length;
  }

  /** Appends an empty row. */
  blank(): number {
    return this.row([]);
  }

  get rowCount(): number {
    return this.values.length;
  }

  /** Pads every row to the widest one, so the sheet is a rectangle. */
  rectangle(): { values: CellValue[][]; numberFormats: string[][] } {
    const width = Math.max(0, ...this.values.map((r) => r.length));
    return {
      values: this.values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
      numberFormats: this.numberFormats.map((r) => [...r, ...new Array<string>(width - r.length).fill("General")]),
    };
  }
}

/**
 * True when an Excel number format shows a date or time (`yyyy-mm-dd`, `m/d/yy`, `yyyy"年"m"月"d"日"`,
 * `[$-F800]dddd…`, `h:mm`): a number in such a cell is a date, never an amount. Quoted text, escaped
 * characters, colours and conditions are ignored; `General`, `@` and number formats are not dates.
 */
export function isDateFormat(format: string): boolean {
  if (format === "" || format === "General" || format === "@") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!\$-)[^\]]*\]/g, "")
    .replace(/\[\$-[^\]]*\]/g, (m) => (/F800|F400/i.test(m) ? "d" : ""));
  return /[ymdhs]/i.test(bare.replace(/E\+|E-/gi, ""));
}

/** An Excel serial day number (1900 date system) as a Date at UTC midnight plus the day fraction. */
export function dateFromSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}
