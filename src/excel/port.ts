/**
 * The task pane's view of a workbook: the few operations the workflows need, as plain data in and out.
 *
 * Office.js lives behind this interface (office-port.ts), so the workflows and the React components
 * can be tested against a fake (house style: "Office.js calls live in a plain module and reach
 * components as props"). Every operation is one `Excel.run` with a fixed number of `context.sync()`
 * calls, plus one per ~4 MB chunk of a big read or write (Office's 5 MB request limit).
 */
import type { InputKind, SheetData, SheetGrid, ValidationSpec } from "../workbook";

export type { SheetData, SheetGrid, ValidationSpec };

export interface WorkbookInfo {
  /** Sheet names in tab order. */
  readonly sheets: readonly string[];
  /** Every table name in the workbook. */
  readonly tables: readonly string[];
}

/** Progress of a long read or write: chunks done of total. */
export type ProgressListener = (done: number, total: number) => void;

export interface WriteOptions {
  /** Sheet to show when done. */
  readonly activate?: string;
  readonly onProgress?: ProgressListener;
  /** Drop-down lists to add (ExcelApi 1.8; skipped where unsupported). */
  readonly validations?: readonly ValidationSpec[];
}

/** What `readInputs` found: the grid of each input sheet present, and the workbook's names. */
export interface InputsRead {
  readonly grids: Partial<Record<InputKind, SheetGrid>>;
  readonly info: WorkbookInfo;
}

export interface WorkbookPort {
  /** Names of sheets and tables (1 sync). */
  inspect(): Promise<WorkbookInfo>;
  /**
   * Reads the input sheets of these kinds by the rule of src/workbook/input-table.ts (the same as the
   * command line's). A missing sheet is absent from `grids`. 2 syncs, then one per ~250,000 cells.
   */
  readInputs(kinds: readonly InputKind[], onProgress?: ProgressListener): Promise<InputsRead>;
  /**
   * Replaces output sheets whole, atomically: the new sheets are written in full under hidden
   * temporary names, then swapped in (each keeps the old one's place) in one last request; on any
   * failure the old sheets stay as they were. Each request stays below Office's 5 MB limit.
   */
  replaceSheets(sheets: readonly SheetData[], options?: WriteOptions): Promise<void>;
  /**
   * Adds new sheets (the input template), the same way. Refuses, writing nothing, when any sheet or
   * table name is taken: rejects with a `NameTakenError`.
   */
  createSheets(sheets: readonly SheetData[], options?: WriteOptions): Promise<void>;
  /** Shows a sheet and selects a cell or range on it (the 检查 list). */
  selectRange(sheet: string, address: string): Promise<void>;
}

/** Rejection of `createSheets` when a sheet or table of the template already exists. */
export class NameTakenError extends Error {
  constructor(
    readonly sheets: readonly string[],
    readonly tables: readonly string[],
  ) {
    super(`names taken: ${[...sheets, ...tables].join(", ")}`);
    // An ES5 build (the legacy task pane for Internet Explorer 11) loses the prototype of an Error subclass.
    Object.setPrototypeOf(this, NameTakenError.prototype);
    this.name = "NameTakenError";
  }
}
