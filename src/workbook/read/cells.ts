/**
 * The cells of one input grid as the reader reads them, and how a cell becomes a value for the engine.
 * A formula cell without a calculated result (`SheetGrid.noResult`) reads as blank and is reported once,
 * when it is first read, as `formula.noResult` naming its cell — never taken silently as 0 or missing.
 */
import { numericText } from "../../engine";
import { CellRef, CellValue, SheetGrid, cellAddress, cellRef } from "../grid";
import { ColumnKind } from "../layout";
import { WorkbookError, cellError } from "./errors";

export class GridCells {
  /** Addresses reported as formula.noResult (engine errors on these cells are dropped: one message per cell). */
  readonly reported = new Set<string>();
  constructor(
    readonly grid: SheetGrid,
    private readonly errors: WorkbookError[],
  ) {}

  /** Cell at 0-based grid row r, column c. */
  get(r: number, c: number): CellValue {
    const v = this.grid.values[r]?.[c] ?? null;
    const noResult = this.grid.noResult;
    if (v === null && noResult !== undefined && noResult.size > 0) {
      const address = cellAddress(this.grid.top + r, this.grid.left + c);
      const formula = noResult.get(address);
      if (formula !== undefined && !this.reported.has(address)) {
        this.reported.add(address);
        this.errors.push(cellError(this.ref(r, c), `=${formula}`, "formula.noResult", { formula }));
      }
    }
    return v;
  }

  /** Width of row r as read (rows may be ragged). */
  width(r: number): number {
    return this.grid.values[r]?.length ?? 0;
  }

  get rows(): number {
    return this.grid.values.length;
  }

  ref(r: number, c: number): CellRef {
    return cellRef(this.grid.sheet, this.grid.top + r, this.grid.left + c);
  }

  /** True when the problem is in a cell of this grid already reported as a formula without a result. */
  isReported(e: WorkbookError): boolean {
    return e.sheet === this.grid.sheet && this.reported.has(e.address);
  }
}

/**
 * A number cell for the engine. Numbers stay numbers; text that is a plain number (`1200.50`,
 * `1,200.50`, full-width, spaces around) is that number (engine `numericText`, as for function
 * arguments and policy rows); anything else — other text, booleans, dates — goes on for the engine to
 * report with the cell (a date is named as a date, never read as its serial number).
 */
export function numberCell(v: CellValue): unknown {
  if (typeof v === "string") return numericText(v) ?? v;
  return v;
}

/** A text cell: text as written (trimmed at the engine), numbers as numbers (the engine writes them as text). */
function textCell(v: CellValue): unknown {
  return v instanceof Date ? dateText(v) : v;
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString().slice(0, 10);
}

/** A cell of a column of the given kind, as the engine reads it. */
export function convertCell(v: CellValue, kind: ColumnKind): unknown {
  switch (kind) {
    case "number":
      return numberCell(v);
    case "yesno":
      return v instanceof Date ? dateText(v) : v;
    case "text":
    case "status":
      return textCell(v);
  }
}
