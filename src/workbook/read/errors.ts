/**
 * Input problems of a workbook, each with the cell it is in (or the sheet, when a sheet or column is
 * missing), and the translation of engine paths (`households[3].area`) back to cells (`住户!C12`).
 */
import { EngineError, MessageArgs, MessageCode, Path, bilingualText, formatPath, message, renameError } from "../../engine";
import { CellRef } from "../grid";

/** An input problem with the cell it is in (or the sheet, when it is about a missing sheet or column). */
export interface WorkbookError {
  /** `住户!C12`, or `住户` when no single cell is at fault. */
  readonly ref: string;
  readonly sheet: string;
  /** 1-based; 0 when no single cell is at fault. */
  readonly row: number;
  readonly col: number;
  /** `C12`, or "" when no single cell is at fault. */
  readonly address: string;
  /** A catalogue code (engine/messages): `area.positive`, `sheet.missing`, `column.missing` … */
  readonly code: MessageCode;
  readonly zh: string;
  readonly en: string;
  readonly found?: string;
}

/** A problem about a whole sheet (missing sheet, column or row). */
export function sheetError<C extends MessageCode>(sheet: string, code: C, ...args: MessageArgs<C>): WorkbookError {
  const m = message(code, ...args);
  return { ref: sheet, sheet, row: 0, col: 0, address: "", code, zh: m.zh, en: m.en };
}

/** A problem in one cell; `found` is what the cell holds, as written. */
export function cellError<C extends MessageCode>(at: CellRef, found: string | undefined, code: C, ...args: MessageArgs<C>): WorkbookError {
  const m = message(code, ...args);
  return { ref: at.ref, sheet: at.sheet, row: at.row, col: at.col, address: at.address, code, zh: m.zh, en: m.en, found };
}

/** A missing input sheet (the adapter lists the sheets it found). */
export function missingSheetError(sheet: string, found: readonly string[]): WorkbookError {
  return sheetError(sheet, "sheet.missing", { sheet, found });
}

/** One line for a terminal: `住户!C12: 面积必须大于0，实为 0 / area must be …`. */
export function formatWorkbookError(e: WorkbookError, lang: "zh" | "en" | "both" = "both"): string {
  return `${e.ref}: ${bilingualText(e, lang)}`;
}

/** Where each engine path came from: `households[3].area` → its cell; paths of whole members by prefix. */
export class CellMap {
  private readonly cells = new Map<string, CellRef>();

  set(path: Path | string, at: CellRef): void {
    this.cells.set(typeof path === "string" ? path : formatPath(path), at);
  }

  get(path: Path | string): CellRef | undefined {
    return this.cells.get(typeof path === "string" ? path : formatPath(path));
  }

  /** A copy, for one stage's own references. */
  clone(): CellMap {
    const c = new CellMap();
    for (const [k, v] of this.cells) c.cells.set(k, v);
    return c;
  }

  /** The cell of a path, or the first cell under it (an error about a whole member names its sheet's cell). */
  find(path: Path): CellRef | undefined {
    const key = formatPath(path);
    const exact = this.cells.get(key);
    if (exact !== undefined) return exact;
    for (const [p, r] of this.cells) if (p.startsWith(key)) return r;
    return undefined;
  }

  entries(): IterableIterator<[string, CellRef]> {
    return this.cells.entries();
  }
}

/**
 * An engine error at its cell. Other places its message names (the first of two duplicate ids) are named
 * by their cells too. An error no cell is known for names its sheet (`fallbackSheet`).
 */
export function toWorkbookError(e: EngineError, cells: CellMap, fallbackSheet: string): WorkbookError {
  const named = renameError(e, (p) => cells.get(p)?.ref);
  const at = cells.find(e.path);
  if (at === undefined)
    return { ref: fallbackSheet, sheet: fallbackSheet, row: 0, col: 0, address: "", code: e.code, zh: named.zh, en: named.en, found: e.found };
  return { ref: at.ref, sheet: at.sheet, row: at.row, col: at.col, address: at.address, code: e.code, zh: named.zh, en: named.en, found: e.found };
}
