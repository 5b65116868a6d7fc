/**
 * Paper with exceljs: the font of every cell, bold rows, cell styles (alignment, borders, fills, sizes),
 * row heights, merged ranges and the page setup (A4, orientation, fit to one page wide, margins, repeated
 * title rows, page header and footer, manual page breaks) of a `SheetData`. Called by `writeSheet` once
 * the values and number formats are written.
 *
 * Every cell of the sheet's rectangle gets a font with a name: a bold cell whose font has no name prints
 * in the renderer's default (serif in LibreOffice). Cells sharing a look share one style object, so a
 * 20,000-row sheet costs a handful of styles in the file.
 */
import type { Alignment, Border, Borders, Fill, Font, Style, Worksheet } from "exceljs";
import { BorderEdge, CellStyle, FontSpec, SheetData, columnLetter, columnNumber } from "../workbook";

/** GB2312: Excel and WPS substitute a Chinese font of this charset when the named one is missing. */
const GB2312 = 134;
/** Swiss (sans serif): the family to fall back on. */
const SANS = 2;

/** What print.ts decides for one cell. */
interface CellLook {
  bold?: boolean;
  size?: number;
  alignment?: Partial<Alignment>;
  border?: Partial<Borders>;
  fill?: string;
}

/** `A1:C3` → 1-based bounds. */
function bounds(range: string): { r0: number; c0: number; r1: number; c1: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (m === null) throw new Error(`not an A1 range: ${range}`);
  const c0 = columnNumber(m[1]);
  const r0 = Number(m[2]);
  return { r0, c0, r1: m[4] === undefined ? r0 : Number(m[4]), c1: m[3] === undefined ? c0 : columnNumber(m[3]) };
}

const LINE_STYLE = { thin: "thin", medium: "medium", dashed: "dashed" } as const;

/** The sides of cell (r, c) that a border of `edges` over the range draws. */
function sides(edges: readonly BorderEdge[], b: ReturnType<typeof bounds>, r: number, c: number): ("top" | "bottom" | "left" | "right")[] {
  const has = (e: BorderEdge) => edges.includes(e);
  const out: ("top" | "bottom" | "left" | "right")[] = [];
  if (r === b.r0 ? has("top") : has("insideHorizontal")) out.push("top");
  if (r === b.r1 ? has("bottom") : has("insideHorizontal")) out.push("bottom");
  if (c === b.c0 ? has("left") : has("insideVertical")) out.push("left");
  if (c === b.c1 ? has("right") : has("insideVertical")) out.push("right");
  return out;
}

/** Applies one CellStyle to the looks of its cells. */
function applyStyle(looks: Map<number, CellLook>, key: (r: number, c: number) => number, s: CellStyle): void {
  const b = bounds(s.range);
  for (let r = b.r0; r <= b.r1; r++) {
    for (let c = b.c0; c <= b.c1; c++) {
      const k = key(r, c);
      const look = looks.get(k) ?? {};
      if (s.bold !== undefined) look.bold = s.bold;
      if (s.size !== undefined) look.size = s.size;
      if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined || s.indent !== undefined) {
        look.alignment = {
          ...look.alignment,
          ...(s.horizontal !== undefined ? { horizontal: s.horizontal } : {}),
          ...(s.vertical !== undefined ? { vertical: s.vertical === "center" ? "middle" : s.vertical } : {}),
          ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
          ...(s.indent !== undefined ? { indent: s.indent } : {}),
        };
      }
      if (s.border !== undefined) {
        const line: Partial<Border> = { style: LINE_STYLE[s.border.line] };
        look.border = { ...look.border };
        for (const side of sides(s.border.edges, b, r, c)) look.border[side] = line as Border;
      }
      if (s.fill !== undefined) look.fill = s.fill;
      looks.set(k, look);
    }
  }
}

/** One shared style object per distinct look (exceljs writes one xf per object it meets). */
function styleInterner(font: FontSpec) {
  const cache = new Map<string, Partial<Style>>();
  return (numFmt: string | undefined, look: CellLook | undefined, wrapped: boolean): Partial<Style> => {
    const alignment = wrapped ? { wrapText: true, vertical: "top" as const, ...look?.alignment } : look?.alignment;
    const key = JSON.stringify([numFmt, look?.bold, look?.size, alignment, look?.border, look?.fill]);
    let style = cache.get(key);
    if (style === undefined) {
      // Black, set explicitly: a table style's header colour (white on blue) must not win over our fill.
      const f: Partial<Font> = {
        name: font.name,
        size: look?.size ?? font.size,
        color: { argb: "FF000000" },
        charset: GB2312,
        family: SANS,
        ...(look?.bold === true ? { bold: true } : {}),
      };
      style = {
        font: f,
        ...(numFmt !== undefined ? { numFmt } : {}),
        ...(alignment !== undefined ? { alignment: alignment as Alignment } : {}),
        ...(look?.border !== undefined ? { border: look.border as Borders } : {}),
        ...(look?.fill !== undefined ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } } as Fill } : {}),
      };
      cache.set(key, style);
    }
    return style;
  };
}

/** The table style of sheets for paper (Excel's built-in light style). */
export const PAPER_TABLE_STYLE = "TableStyleLight1";

/** The default font of a sheet without its own (output sheets of another program's code path). */
const FALLBACK_FONT: FontSpec = { name: "等线", size: 10 };

/**
 * Fonts, styles, row heights, merges and page setup of `data` on `ws` (values and number formats are
 * already written). wrapped: the cells `data.wrap` names (A1 addresses), already expanded.
 */
export function applyPaper(ws: Worksheet, data: SheetData, wrapped: ReadonlySet<string> = new Set()): void {
  const font = data.font ?? FALLBACK_FONT;
  const width = Math.max(1, data.columnWidths?.length ?? 0, ...data.values.map((r) => r.length));
  const height = data.values.length;
  const key = (r: number, c: number) => r * 16384 + c;
  const looks = new Map<number, CellLook>();
  for (const r of data.boldRows ?? []) applyStyle(looks, key, { range: `A${r}:${columnLetter(width)}${r}`, bold: true });
  for (const s of data.styles ?? []) applyStyle(looks, key, s);

  // Column styles first (cells typed later in Excel get the font), then every cell of the rectangle.
  const base = styleInterner(font)(undefined, undefined, false);
  for (let c = 1; c <= width; c++) ws.getColumn(c).style = base;
  const intern = styleInterner(font);
  let maxRow = height;
  for (const k of looks.keys()) maxRow = Math.max(maxRow, Math.floor(k / 16384));
  for (let r = 1; r <= maxRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= width; c++) {
      const look = looks.get(key(r, c));
      const cell = row.getCell(c);
      const numFmt = cell.numFmt !== undefined && cell.numFmt !== "General" ? cell.numFmt : undefined;
      cell.style = intern(numFmt, look, wrapped.has(`${columnLetter(c)}${r}`));
    }
  }
  for (const { row, height: h } of data.rowHeights ?? []) ws.getRow(row).height = h;
  // Tables on paper: a light style (thin rules), our header shading and grid lines on top.
  for (const t of ws.getTables()) {
    const model = (t as unknown as { table: { style?: Record<string, unknown> } }).table;
    model.style = { ...model.style, theme: PAPER_TABLE_STYLE, showRowStripes: false };
  }
  for (const m of data.merges ?? []) ws.mergeCells(m);

  const p = data.print;
  if (p === undefined) return;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: 0,
    ...(p.centerHorizontally === true ? { horizontalCentered: true } : {}),
    ...(p.margins !== undefined ? { margins: { ...p.margins } } : {}),
    ...(p.titleRows !== undefined ? { printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}` } : {}),
    ...(p.titleColumns !== undefined ? { printTitlesColumn: `${columnLetter(p.titleColumns.first)}:${columnLetter(p.titleColumns.last)}` } : {}),
    // Several pages wide: each band of rows left half then right half, so the halves of a page meet.
    ...(p.fitToWidth > 1 ? { pageOrder: "overThenDown" as const } : {}),
  };
  const hf = (s: { left?: string; center?: string; right?: string } | undefined) =>
    s === undefined
      ? undefined
      : `${s.left !== undefined ? `&L${s.left}` : ""}${s.center !== undefined ? `&C${s.center}` : ""}${s.right !== undefined ? `&R${s.right}` : ""}`;
  const oddHeader = hf(p.header);
  const oddFooter = hf(p.footer);
  if (oddHeader !== undefined || oddFooter !== undefined) {
    ws.headerFooter = { ...ws.headerFooter, ...(oddHeader !== undefined ? { oddHeader } : {}), ...(oddFooter !== undefined ? { oddFooter } : {}) };
  }
  for (const r of p.rowBreaks ?? []) ws.getRow(r).addPageBreak();
}
