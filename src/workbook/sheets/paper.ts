/**
 * Paper: how the sheets print on A4 (issue 12). One font family for every cell (等线, a CJK sans serif
 * shipped with Office 2016+ and Windows 10+; Excel and WPS substitute a GB2312 font where it is
 * missing), 10 pt text, 14 pt titles, a title block (project, stage, date, unit 元), column widths that
 * fit their content, wrapped long texts with row heights, the title and header rows repeated on every
 * page, the sheet and file name in the page header and `第 &P 页 共 &N 页` in the footer.
 *
 * Widths are estimated, not measured: a text's width is the sum of its characters' advance widths (a
 * Chinese character is 1 em, a digit 0.6 em — the metrics of WenQuanYi Zen Hei, which is at least as
 * wide as 等线 in every character we print), and a column of width `w` is `w × 5.25` pt in Excel (the
 * 7-pixel digit of the workbook's Calibri 11 default font) and up to `w × 5.55` pt in LibreOffice (its
 * Carlito). Columns are sized so that text fits the narrower, pages so that the table fits the wider:
 * every sheet then prints at 100% — never below 9 pt — and fit-to-width is only a safety net.
 * test/paper/ renders every sheet with LibreOffice and checks this on the PDF.
 */
import {
  BorderEdge,
  CellStyle,
  CellValue,
  ChartSpec,
  FontSpec,
  GRID_EDGES,
  HeaderFooterSpec,
  PageMargins,
  PrintSpec,
  SheetData,
  TableSpec,
  cellAddress,
  rangeAddress,
} from "../grid";
import { groupThousands } from "../../engine";

/** The font of every cell: 等线 10 pt. */
export const PAPER_FONT: FontSpec = { name: "等线", size: 10 };
/** Sheet titles. */
export const TITLE_SIZE = 14;
/** Nothing on paper is smaller than this (points). */
export const MIN_PRINT_PT = 9;
/** A4 in points (portrait). */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** Margins in inches: 1.27 cm left and right, 1.9 cm top and bottom, header and footer 0.76 cm from the edge. */
export const MARGINS: PageMargins = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Points per column-width unit in Excel (Calibri 11 default font: a 7-pixel digit at 96 dpi). */
export const UNIT_PT_NARROW = 5.25;
/** Points per column-width unit in LibreOffice (Carlito, Calibri's metric twin: 5.55 measured). */
export const UNIT_PT_WIDE = 5.55;
/** Inner padding of a cell, both sides together (points). */
const CELL_PAD = 6;
/** Line height of wrapped text as a multiple of the font size, and the padding of a row (points). */
const LINE = 1.35;
const ROW_PAD = 4;
/** Excel's default row height for a 10 pt row (points). */
export const DEFAULT_ROW_HEIGHT = 15;

// 10 pt: LibreOffice shrinks a page with repeated rows by about 2% even when its columns fit.
const HF_FONT = `&"${PAPER_FONT.name},Regular"&10`;
/** Page header: the sheet's name on the left, the file's name on the right. */
export const PAGE_HEADER: HeaderFooterSpec = { left: `${HF_FONT}&A`, right: `${HF_FONT}&F` };
/** Page footer: 第 1 页 共 3 页. */
export const PAGE_FOOTER: HeaderFooterSpec = { center: `${HF_FONT}第 &P 页 共 &N 页` };

/** Advance widths (em) of the printable ASCII characters, from U+0020 (WenQuanYi Zen Hei, rounded up). */
// prettier-ignore
const ASCII_EM = [
  0.3, 0.3, 0.46, 0.6, 0.6, 0.7, 0.68, 0.3, 0.3, 0.3, 0.6, 0.6, 0.3, 0.3, 0.3, 0.52, // space ! " # $ % & ' ( ) * + , - . /
  0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.3, 0.3, 0.6, 0.6, 0.6, 0.54, // 0-9 : ; < = > ?
  0.8, 0.56, 0.62, 0.62, 0.66, 0.56, 0.48, 0.66, 0.66, 0.26, 0.4, 0.62, 0.5, 0.82, 0.66, 0.66, // @ A-O
  0.56, 0.66, 0.62, 0.62, 0.5, 0.64, 0.56, 0.82, 0.54, 0.56, 0.54, 0.3, 0.52, 0.3, 0.6, 0.5, // P-Z [ \ ] ^ _
  0.38, 0.54, 0.54, 0.48, 0.54, 0.54, 0.3, 0.5, 0.54, 0.24, 0.22, 0.5, 0.24, 0.82, 0.54, 0.54, // ` a-o
  0.54, 0.54, 0.32, 0.52, 0.32, 0.54, 0.44, 0.66, 0.44, 0.42, 0.42, 0.3, 0.26, 0.3, 0.6, // p-z { | } ~
];
/** Narrow non-ASCII characters we print (em); every other character counts as a full em. */
const NARROW_EM: Readonly<Record<string, number>> = { "²": 0.36, "³": 0.36, "·": 0.24, "≤": 0.83, "≥": 0.83, "≈": 0.79 };

/** Width of one character in em. */
function charEm(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 0x20 && c < 0x7f) return ASCII_EM[c - 0x20];
  return NARROW_EM[ch] ?? 1;
}

/**
 * Estimated printed width of a one-line text in points. size: font size in points; bold text is
 * counted 5% wider.
 * @example textWidth("1,234.50", 10) // 42 (six digits at 6 pt, two separators at 3 pt)
 */
export function textWidth(text: string, size: number = PAPER_FONT.size, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.05 : 1);
}

/** Column-width units a one-line text needs (in Excel, the narrower renderer). */
export function unitsFor(text: string, size: number = PAPER_FONT.size, bold = false): number {
  const widest = Math.max(0, ...text.split("\n").map((line) => textWidth(line, size, bold)));
  return (widest + CELL_PAD) / UNIT_PT_NARROW;
}

/** Punctuation that may not begin a line (it stays with the character before) or end one (it stays with the next). */
const NO_START = /^[、，。：；！？）」』】”’%,.:;!?)\]}…]/;
const NO_END = /[（「『【“‘([{]$/;

/**
 * Breakable pieces: each Chinese character alone, runs of other characters (ending at a hyphen or
 * slash), spaces; closing punctuation kept with the piece before it and opening punctuation with the
 * piece after it, as Excel and LibreOffice wrap Chinese text.
 */
function tokens(line: string): string[] {
  const raw =
    line.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\-/]+[-/]?|[-/]|\s+/g) ?? [];
  const out: string[] = [];
  for (const t of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !/^\s+$/.test(t) && !/^\s+$/.test(prev) && (NO_START.test(t) || NO_END.test(prev))) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/**
 * Lines a text takes when wrapped in a column of `units` width (Excel's width: the narrower), greedy
 * as Excel and LibreOffice wrap: at spaces and between Chinese characters; a piece wider than the
 * line is cut. Explicit line breaks are kept. At least 1.
 */
export function wrappedLines(text: string, units: number, size: number = PAPER_FONT.size, bold = false): number {
  const exact = units * UNIT_PT_NARROW - CELL_PAD;
  // A text that wraps is counted 5% short of the column: renderers break a little earlier than the
  // sum of advance widths says (a text that fits on one line is one line, as unitsFor says).
  const room = exact * 0.95;
  let lines = 0;
  for (const line of text.split("\n")) {
    if (textWidth(line, size, bold) <= exact) {
      lines++;
      continue;
    }
    let n = 1;
    let used = 0;
    for (const t of tokens(line)) {
      const w = textWidth(t, size, bold);
      if (/^\s+$/.test(t)) {
        used += w;
        continue;
      }
      if (used + w <= room) {
        used += w;
        continue;
      }
      if (used > 0) {
        n++;
        used = 0;
      }
      // A piece wider than the line is cut character by character.
      for (const ch of w > room ? [...t] : [t]) {
        const cw = textWidth(ch, size, bold);
        if (used + cw > room && used > 0) {
          n++;
          used = 0;
        }
        used += cw;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Height in points of a row holding `lines` lines of `size`-point text. */
export function rowHeightFor(lines: number, size: number = PAPER_FONT.size): number {
  return Math.ceil((lines * size * LINE + ROW_PAD) * 4) / 4;
}

/**
 * A cell as Excel shows it under its number format (the formats the builders use): `#,##0.00`,
 * `#,##0`, `0`, `0%`, `0.00%`, `@`, General; dates as yyyy-mm-dd.
 */
export function displayText(v: CellValue, format: string): string {
  if (v === null) return "";
  // Sections `positive;negative;zero`: a negative number shows in its section without its minus sign.
  const sections = format.match(/(?:"[^"]*"|[^;"])+/g) ?? [format];
  if (sections.length > 1 && typeof v === "number") {
    const section = v > 0 ? sections[0] : v < 0 ? sections[1] : (sections[2] ?? sections[0]);
    return displayText(v < 0 ? -v : v, section);
  }
  // A text only: `"已结清"`.
  const literal = /^"([^"]*)"$/.exec(format);
  if (literal !== null && typeof v === "number") return literal[1];
  // A quoted prefix: `"补缴 "#,##0.00` → `补缴 1,234.00`.
  const prefix = /^"([^"]*)"(.+)$/.exec(format);
  if (prefix !== null && typeof v === "number") return `${prefix[1]}${displayText(v, prefix[2])}`;
  // A quoted suffix: `#,##0.00" m²"` → `62.35 m²`.
  const suffix = /^(.*?)"([^"]*)"$/.exec(format);
  if (suffix !== null && typeof v === "number") return `${displayText(v, suffix[1])}${suffix[2]}`;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const sign = v < 0 ? "-" : "";
  const a = Math.abs(v);
  switch (format) {
    case "#,##0.00": {
      const [i, f] = a.toFixed(2).split(".");
      return `${sign}${groupThousands(i)}.${f}`;
    }
    case "#,##0":
      return `${sign}${groupThousands(a.toFixed(0))}`;
    case "0":
      return `${sign}${a.toFixed(0)}`;
    case "0%":
      return `${sign}${(a * 100).toFixed(0)}%`;
    case "0.00%":
      return `${sign}${(a * 100).toFixed(2)}%`;
    default:
      return String(v);
  }
}

/** Printable width of an A4 page in points. */
export function printableWidth(orientation: PrintSpec["orientation"], margins: PageMargins = MARGINS): number {
  return (orientation === "portrait" ? A4.width : A4.height) - (margins.left + margins.right) * 72;
}

/** Printable height of an A4 page in points (between the top and bottom margins). */
export function printableHeight(orientation: PrintSpec["orientation"], margins: PageMargins = MARGINS): number {
  return (orientation === "portrait" ? A4.height : A4.width) - (margins.top + margins.bottom) * 72;
}

/**
 * The print scale a sheet gets when fitted to the page width in the wider renderer (LibreOffice):
 * 1 when its columns fit; the smallest text on paper is `font size × scale`.
 */
export function fitScale(sheet: Pick<SheetData, "columnWidths" | "print">): number {
  const widths = (sheet.columnWidths ?? []).map((w) => w * UNIT_PT_WIDE);
  const room = printableWidth(sheet.print?.orientation ?? "portrait", sheet.print?.margins);
  const total = widths.reduce((a, w) => a + w, 0);
  const pages = sheet.print?.fitToWidth ?? 1;
  if (pages <= 1) return total <= room ? 1 : room / total;
  // Several pages wide: columns go to pages whole, the title columns repeated on each page.
  const t = sheet.print?.titleColumns;
  const titles = t === undefined ? 0 : widths.slice(t.first - 1, t.last).reduce((a, w) => a + w, 0);
  let n = 1;
  let page = titles;
  let widest = 0;
  for (let c = t === undefined ? 0 : t.last; c < widths.length; c++) {
    if (page + widths[c] > room && page > titles) {
      n++;
      page = titles;
    }
    page += widths[c];
    widest = Math.max(widest, page);
  }
  if (n > pages) return pages / n;
  return widest <= room ? 1 : room / widest;
}

/** A4 print setup with our margins, page header and footer; `titleRows` repeated on every page. */
export function paperPrint(orientation: PrintSpec["orientation"], titleRows?: { first: number; last: number }, rowBreaks?: readonly number[]): PrintSpec {
  return {
    paperSize: "A4",
    orientation,
    fitToWidth: 1,
    ...(titleRows !== undefined ? { titleRows } : {}),
    margins: MARGINS,
    header: PAGE_HEADER,
    footer: PAGE_FOOTER,
    centerHorizontally: true,
    ...(rowBreaks !== undefined && rowBreaks.length > 0 ? { rowBreaks } : {}),
  };
}

/** How one column of a paper sheet is sized and aligned. */
export interface ColumnPlan {
  /** Width never below this (units). */
  readonly min?: number;
  /** Long texts wrap at this width instead of widening the column (units); default: no wrapping. */
  readonly wrapAt?: number;
  /** Body cells' alignment (default: numbers right, texts left). */
  readonly align?: "left" | "center" | "right";
  /** Left indent of body texts (keeps a text column off the right-aligned numbers before it). */
  readonly indent?: number;
  /** This column takes the room left on the page (a wrapped text column). */
  readonly fill?: boolean;
}

/** What a row is: decides its font, borders, merging and wrapping. */
export type RowKind = "title" | "info" | "section" | "header" | "body" | "total" | "note" | "plain" | "blank";

interface PaperRow {
  readonly kind: RowKind;
  readonly values: CellValue[];
  readonly formats: string[];
  /** Merged cells, 0-based inclusive column spans. */
  readonly spans: readonly (readonly [number, number])[];
  /** Fixed height (points), else computed. */
  readonly height?: number;
  /** Number of table columns this row's borders cover (header/body/total), from column 0. */
  readonly width: number;
}

const BOLD_KINDS: ReadonlySet<RowKind> = new Set(["title", "section", "header", "total"]);
const TABLE_KINDS: ReadonlySet<RowKind> = new Set(["header", "body", "total"]);
const SPAN_KINDS: ReadonlySet<RowKind> = new Set(["title", "info", "section", "note"]);
const sizeOf = (k: RowKind) => (k === "title" ? TITLE_SIZE : PAPER_FONT.size);
const HEADER_FILL = "E7E6E6";
/** A `fill` column is at least this wide before it takes the room left (units). */
const FILL_MIN = 16;

/** Options of a paper sheet. */
export interface PaperOptions {
  /** Force an orientation; default: portrait when the columns fit, else landscape. */
  readonly orientation?: PrintSpec["orientation"];
  /**
   * Pages wide (default 1). A table too wide for one page at 100% prints on 2 pages side by side, its
   * `titleColumns` repeated on each, rather than shrunk below 9 pt.
   */
  readonly pagesWide?: number;
  /** Columns (0-based, inclusive) repeated on each page of a table printed `pagesWide` > 1. */
  readonly titleColumns?: readonly [number, number];
}

/**
 * Builds a sheet for paper row by row, then sizes it (`finish`): column widths from the content, the
 * orientation, row heights of wrapped texts, merged titles and notes, borders on the tables.
 * Columns are 0-based here; the SheetData it returns is 1-based like every sheet.
 */
export class PaperSheet {
  private readonly rows: PaperRow[] = [];
  private titleEnd = 0;
  private readonly extra: CellStyle[] = [];
  private repeatTo = 0;
  private repeatFrom = 1;

  /** columns: the sheet's columns, left to right (their count is the sheet's width). */
  constructor(
    readonly name: string,
    private readonly columns: readonly ColumnPlan[],
    private readonly options: PaperOptions = {},
  ) {}

  get rowCount(): number {
    return this.rows.length;
  }

  private push(
    kind: RowKind,
    values: CellValue[],
    formats: (string | undefined)[] = [],
    extra: { spans?: [number, number][]; height?: number; width?: number } = {},
  ): number {
    const all = this.columns.length;
    // Titles and notes span the sheet; on a table printed several pages wide, the first page's columns.
    const spans = extra.spans ?? (SPAN_KINDS.has(kind) ? [[0, all - 1] as [number, number]] : []);
    this.rows.push({
      kind,
      values,
      formats: values.map((_, i) => formats[i] ?? "General"),
      spans,
      height: extra.height,
      width: extra.width ?? (TABLE_KINDS.has(kind) ? Math.max(values.length, 1) : 0),
    });
    return this.rows.length;
  }

  /** The sheet title (14 pt, bold, centred across the sheet). Returns its 1-based row. */
  title(text: string): number {
    return this.push("title", [text]);
  }

  /**
   * The line under the title: 项目, 阶段, 日期, 单位. Rows up to here and the given table header are
   * repeated on every printed page (`repeatHeader`).
   */
  info(text: string): number {
    const r = this.push("info", [text]);
    this.titleEnd = r;
    return r;
  }

  /** A bold heading across the sheet (一、项目资金). */
  section(text: string): number {
    return this.push("section", [text]);
  }

  /** A table's header row: bold, shaded, centred, wrapped, with grid lines. */
  header(values: CellValue[], spans: [number, number][] = []): number {
    return this.push("header", values, [], { spans, width: Math.max(values.length, 1) });
  }

  /** A table row with grid lines. formats: per cell (General by default); spans merge cells (0-based, inclusive). */
  body(values: CellValue[], formats: (string | undefined)[] = [], spans: [number, number][] = []): number {
    return this.push("body", values, formats, { spans });
  }

  /** A table's total row (bold, grid lines). */
  total(values: CellValue[], formats: (string | undefined)[] = []): number {
    return this.push("total", values, formats);
  }

  /** A paragraph across the sheet, wrapped (notes, explanations). */
  note(text: string): number {
    return this.push("note", [text]);
  }

  /** A row without grid lines (key / value lines, signature lines); spans merge cells (0-based, inclusive). */
  plain(values: CellValue[], formats: (string | undefined)[] = [], spans: [number, number][] = []): number {
    return this.push("plain", values, formats, { spans });
  }

  /**
   * A signature line: `编制：` in the first column, a rule to sign on over the middle columns, the date
   * line in the last two. Taller than a text row, for handwriting.
   */
  sign(label: string, date: string): number {
    const n = this.columns.length;
    const values: CellValue[] = new Array<CellValue>(n).fill(null);
    values[0] = label;
    values[n - 2] = date;
    const row = this.push("plain", values, [], {
      spans: [
        [1, n - 3],
        [n - 2, n - 1],
      ].filter(([a, b]) => b >= a) as [number, number][],
      height: 30,
    });
    this.extra.push({ range: rangeAddress(row, 2, 1, n - 3), border: { line: "thin", edges: ["bottom"] } });
    this.extra.push({ range: rangeAddress(row, 1, 1, n), vertical: "bottom", wrap: false });
    return row;
  }

  /** A style of the caller's, applied after the row styles. */
  style(s: CellStyle): void {
    this.extra.push(s);
  }

  /** An empty row (height: points, default the normal height). */
  blank(height?: number): number {
    return this.push("blank", [], [], { height });
  }

  /** Repeat the title block and rows up to `row` (a table header) on every printed page. */
  repeatHeader(row: number): void {
    this.repeatFrom = 1;
    this.repeatTo = row;
  }

  /**
   * Repeat rows `first` … `last` (a long second table's heading and header) on the pages after the one
   * where they first print; the pages before print as they are (Excel and LibreOffice both do so). For a
   * sheet whose short first table would otherwise fill every page's top (电梯分摊).
   */
  repeatRows(first: number, last: number): void {
    this.repeatFrom = first;
    this.repeatTo = last;
  }

  /** Sizes and returns the sheet. extra: the table, charts and frozen rows of the sheet. */
  finish(extra: { table?: TableSpec; charts?: readonly ChartSpec[]; freezeRows?: number } = {}): SheetData {
    const n = this.columns.length;
    const widths = this.columnWidths();
    const orientation = this.options.orientation ?? (widths.reduce((a, w) => a + w, 0) * UNIT_PT_WIDE <= printableWidth("portrait") ? "portrait" : "landscape");
    this.fill(widths, orientation);
    this.squeeze(widths, orientation);
    if ((this.options.pagesWide ?? 1) > 1) this.narrowSpans(widths, orientation);

    const values: CellValue[][] = this.rows.map((r) =>
      [...r.values, ...new Array<CellValue>(Math.max(0, n - r.values.length)).fill(null)].slice(0, Math.max(n, r.values.length)),
    );
    const numberFormats = this.rows.map((r, i) => values[i].map((_, c) => r.formats[c] ?? "General"));
    const styles: CellStyle[] = [];
    const merges: string[] = [];
    const rowHeights: { row: number; height: number }[] = [];

    // Runs of consecutive rows of the same kind and table width get one style each (20,000 rows: a few styles).
    let i = 0;
    while (i < this.rows.length) {
      const r = this.rows[i];
      let j = i;
      while (
        j + 1 < this.rows.length &&
        this.rows[j + 1].kind === r.kind &&
        this.rows[j + 1].width === r.width &&
        r.spans.length === 0 &&
        this.rows[j + 1].spans.length === 0
      )
        j++;
      this.styleRun(r, i + 1, j - i + 1, styles);
      i = j + 1;
    }
    styles.push(...this.extra);
    this.rows.forEach((r, k) => {
      const row = k + 1;
      for (const [a, b] of r.spans) if (b > a) merges.push(rangeAddress(row, a + 1, 1, b - a + 1));
      const h = r.height ?? this.heightOf(r, widths);
      if (h !== undefined) rowHeights.push({ row, height: h });
    });
    const repeat = this.repeatTo > 0 ? { first: this.repeatFrom, last: this.repeatTo } : this.titleEnd > 0 ? { first: 1, last: this.titleEnd } : undefined;
    const print = paperPrint(orientation, repeat);
    const cols = this.options.titleColumns;
    return {
      name: this.name,
      values,
      numberFormats,
      columnWidths: widths,
      ...(extra.table !== undefined ? { table: extra.table } : {}),
      ...(extra.charts !== undefined ? { charts: extra.charts } : {}),
      ...(extra.freezeRows !== undefined ? { freezeRows: extra.freezeRows } : {}),
      font: PAPER_FONT,
      styles,
      merges,
      rowHeights,
      print: {
        ...print,
        fitToWidth: this.options.pagesWide ?? 1,
        ...(cols !== undefined ? { titleColumns: { first: cols[0] + 1, last: cols[1] + 1 } } : {}),
      },
    };
  }

  /** Widths (units) from the cells that neither wrap nor are merged; headers may take two lines. */
  private columnWidths(): number[] {
    return this.columns.map((plan, c) => {
      let need = plan.min ?? 4;
      let headerNeed = 0;
      for (const r of this.rows) {
        if (c >= r.values.length || r.spans.some(([a, b]) => a <= c && c <= b && b > a)) continue;
        const v = r.values[c];
        if (v === null || v === "") continue;
        const text = displayText(v, r.formats[c] ?? "General");
        const bold = BOLD_KINDS.has(r.kind);
        if (r.kind === "header") {
          // A header may wrap onto two lines: half its width, but its longest piece whole.
          const whole = unitsFor(text, PAPER_FONT.size, true);
          const piece = Math.max(...tokens(text).map((t) => unitsFor(t, PAPER_FONT.size, true)));
          headerNeed = Math.max(headerNeed, Math.min(whole, Math.max(piece, (whole + 2) / 2 + 1)));
          continue;
        }
        const u = unitsFor(text, sizeOf(r.kind), bold);
        const wrapAt = plan.wrapAt ?? (plan.fill === true ? FILL_MIN : undefined);
        need = Math.max(need, wrapAt !== undefined && typeof v === "string" ? Math.min(u, wrapAt) : u);
      }
      return Math.ceil(Math.max(need, headerNeed) * 10) / 10;
    });
  }

  /**
   * Titles and notes of a table printed several pages wide span its title columns only: they are
   * printed on every page (the repeated columns), so nothing of them is cut at a page's edge.
   */
  private narrowSpans(widths: readonly number[], orientation: PrintSpec["orientation"]): void {
    const room = printableWidth(orientation) / UNIT_PT_WIDE;
    let last = -1;
    if (this.options.titleColumns !== undefined) last = this.options.titleColumns[1];
    else for (let c = 0, used = 0; c < widths.length && used + widths[c] <= room; used += widths[c], c++) last = c;
    this.rows.forEach((r, i) => {
      if (!SPAN_KINDS.has(r.kind)) return;
      this.rows[i] = { ...r, spans: r.spans.map(([a, b]) => [a, Math.min(b, Math.max(a, last))] as [number, number]) };
    });
  }

  /** A table a little wider than its page gives up the excess from its wrapped text columns (never below 4 units). */
  private squeeze(widths: number[], orientation: PrintSpec["orientation"]): void {
    if ((this.options.pagesWide ?? 1) > 1) return;
    let excess = widths.reduce((a, w) => a + w, 0) - printableWidth(orientation) / UNIT_PT_WIDE;
    const soft = this.columns.map((p, c) => (p.wrapAt !== undefined || p.fill === true ? c : -1)).filter((c) => c >= 0);
    for (const c of soft.sort((a, b) => widths[b] - widths[a])) {
      if (excess <= 0) break;
      const give = Math.min(excess, widths[c] - Math.max(4, this.columns[c].min ?? 4));
      if (give <= 0) continue;
      const step = Math.ceil(give * 4) / 4;
      widths[c] -= step;
      excess -= step;
    }
  }

  /** Gives the room left on the page to the `fill` columns (fewer wrapped lines). */
  private fill(widths: number[], orientation: PrintSpec["orientation"]): void {
    if ((this.options.pagesWide ?? 1) > 1) return;
    const fills = this.columns.map((p, c) => (p.fill === true ? c : -1)).filter((c) => c >= 0);
    if (fills.length === 0) return;
    const room = Math.floor((printableWidth(orientation) / UNIT_PT_WIDE - widths.reduce((a, w) => a + w, 0)) * 4) / 4 - 0.5;
    if (room <= 0) return;
    for (const c of fills) widths[c] += Math.floor((room / fills.length) * 4) / 4;
  }

  /** Fonts, alignment, borders and fills of a run of `count` rows of one kind from `row` (1-based). */
  private styleRun(r: PaperRow, row: number, count: number, styles: CellStyle[]): void {
    const n = this.columns.length;
    const all = rangeAddress(row, 1, count, n);
    switch (r.kind) {
      case "title":
        styles.push({ range: all, bold: true, size: TITLE_SIZE, horizontal: "center", vertical: "center" });
        return;
      case "info":
      case "note":
        styles.push({ range: all, wrap: true, vertical: "top", horizontal: "left" });
        return;
      case "section":
        styles.push({ range: all, bold: true, vertical: "center" });
        return;
      case "plain":
        styles.push({ range: all, wrap: true, vertical: "top" });
        return;
      case "blank":
        return;
    }
    const w = r.width;
    const table = rangeAddress(row, 1, count, w);
    if (r.kind === "header") {
      styles.push({
        range: table,
        bold: true,
        horizontal: "center",
        vertical: "center",
        wrap: true,
        fill: HEADER_FILL,
        border: { line: "thin", edges: GRID_EDGES },
      });
      return;
    }
    styles.push({ range: table, vertical: "top", border: { line: "thin", edges: GRID_EDGES }, ...(r.kind === "total" ? { bold: true } : {}) });
    this.columns.slice(0, w).forEach((plan, c) => {
      const col = rangeAddress(row, c + 1, count, 1);
      if (plan.align !== undefined || plan.indent !== undefined) {
        styles.push({
          range: col,
          ...(plan.align !== undefined ? { horizontal: plan.align } : { horizontal: "left" }),
          ...(plan.indent !== undefined ? { indent: plan.indent } : {}),
        });
      }
      if (plan.wrapAt !== undefined || plan.fill === true) styles.push({ range: col, wrap: true });
    });
    // A merged cell's text wraps within the merged width (else it would run past the table's edge).
    for (const [a, b] of r.spans) if (b > a) styles.push({ range: rangeAddress(row, a + 1, count, b - a + 1), wrap: true });
  }

  /** The height a row needs (undefined: the default height is enough). */
  private heightOf(r: PaperRow, widths: readonly number[]): number | undefined {
    const size = sizeOf(r.kind);
    const bold = BOLD_KINDS.has(r.kind);
    let lines = 1;
    const spanOf = (c: number) => r.spans.find(([a, b]) => a <= c && c <= b);
    r.values.forEach((v, c) => {
      if (v === null || v === "") return;
      const span = spanOf(c);
      if (span !== undefined && span[0] !== c) return;
      const units = span === undefined ? widths[c] : widths.slice(span[0], span[1] + 1).reduce((a, w) => a + w, 0);
      const wraps =
        span !== undefined ||
        r.kind === "header" ||
        r.kind === "plain" ||
        this.columns[c]?.wrapAt !== undefined ||
        this.columns[c]?.fill === true ||
        typeof v !== "string";
      if (!wraps || typeof v !== "string") return;
      const indent = TABLE_KINDS.has(r.kind) ? (this.columns[c]?.indent ?? 0) * 2 : 0;
      lines = Math.max(lines, wrappedLines(v, Math.max(1, units - indent), size, bold));
    });
    // One line of body text fits the default height; Excel and LibreOffice size such rows themselves.
    if (lines === 1 && size <= PAPER_FONT.size) return undefined;
    const h = rowHeightFor(lines, size);
    return h > DEFAULT_ROW_HEIGHT ? h : undefined;
  }
}

/** The range of a whole row of `width` columns (1-based row). */
export function rowRange(row: number, width: number): string {
  return rangeAddress(row, 1, 1, width);
}

/** `A1`-style address of a 0-based column in a 1-based row. */
export function at(row: number, col0: number): string {
  return cellAddress(row, col0 + 1);
}

/** Edges of a range's outline only. */
export const OUTLINE: readonly BorderEdge[] = ["top", "bottom", "left", "right"];

/**
 * Page setup of an input sheet of the template (政策参数, 项目信息, 住户), which starts with its table
 * header in row 1: the paper font, the header row bold and shaded, grid lines on the table, heights for
 * its wrapped cells, A4 in the orientation its widths need, row 1 repeated on every page, the page
 * header and footer. Values, widths and formats are kept as they are.
 */
export function withInputPaper(sheet: SheetData): SheetData {
  const widths = sheet.columnWidths ?? [];
  const n = widths.length;
  const total = widths.reduce((a, w) => a + w, 0) * UNIT_PT_WIDE;
  const orientation = total <= printableWidth("portrait") ? "portrait" : "landscape";
  const rows = sheet.table === undefined ? sheet.values.length : sheet.table.rows + 1;
  const wrappedCols = new Set<number>();
  for (const range of sheet.wrap ?? []) {
    const m = /^([A-Z]+)\d+(?::([A-Z]+)\d+)?$/.exec(range);
    if (m === null) continue;
    const from = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
    const to = m[2] === undefined ? from : [...m[2]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
    for (let c = from; c <= to; c++) wrappedCols.add(c - 1);
  }
  const rowHeights: { row: number; height: number }[] = [];
  sheet.values.forEach((r, i) => {
    let lines = 1;
    r.forEach((v, c) => {
      if (typeof v === "string" && (i === 0 || wrappedCols.has(c))) lines = Math.max(lines, wrappedLines(v, widths[c] ?? 8, PAPER_FONT.size, i === 0));
    });
    // Only rows of several lines: a row left at its default height grows in Excel as users type.
    if (lines > 1) rowHeights.push({ row: i + 1, height: rowHeightFor(lines) });
  });
  const styles: CellStyle[] = [
    { range: rangeAddress(1, 1, rows, n), border: { line: "thin", edges: GRID_EDGES }, vertical: "top" },
    { range: rangeAddress(1, 1, 1, n), bold: true, fill: HEADER_FILL, horizontal: "center", vertical: "center", wrap: true },
  ];
  return { ...sheet, font: PAPER_FONT, styles, rowHeights, print: paperPrint(orientation, { first: 1, last: 1 }) };
}
