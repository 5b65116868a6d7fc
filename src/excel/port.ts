/**
 * The task pane's view of a workbook: the few operations the workflows need, as plain data in and out.
 *
 * Office.js lives behind this interface (office-port.ts), so the workflows and the React components
 * can be tested against a fake (house style: "Office.js calls live in a plain module and reach
 * components as props"). Every operation is one `Excel.run` with a fixed number of `context.sync()`
 * calls, plus one per ~4 MB chunk of a big read or write (Office's 5 MB request limit).
 */
import type { SheetData, SheetGrid } from "../workbook/grid";
import type { ValidationSpec } from "../workbook/template";

export type { SheetData, SheetGrid, ValidationSpec };

export interface WorkbookInfo {
  /** Sheet names in tab order. */
  readonly sheets: readonly string[];
  /** Every table name in the workbook. */
  readonly tables: readonly string[];
}

/** Which input to read: the table by name, else (no such table) the used range of the sheet. */
export interface TableRequest {
  readonly sheet: string;
  readonly table: string;
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

/** What `readTables` found: the grids by sheet name (undefined = no such sheet) and the workbook's names. */
export interface TablesRead {
  readonly grids: ReadonlyMap<string, SheetGrid | undefined>;
  /** Sheets read from their Excel table (the others from the used range: locate the header row). */
  readonly fromTable: ReadonlySet<string>;
  readonly info: WorkbookInfo;
}

export interface WorkbookPort {
  /** Names of sheets and tables (1 sync). */
  inspect(): Promise<WorkbookInfo>;
  /**
   * Reads each requested table (header row included) as a grid with its position; a table that does
   * not exist is read from its sheet's used range; a missing sheet reads as `undefined`.
   * 2 syncs to find and size the ranges, then one per ~4 MB of values.
   */
  readTables(requests: readonly TableRequest[], onProgress?: ProgressListener): Promise<TablesRead>;
  /**
   * Replaces output sheets whole: an existing sheet keeps its place and name, but its tables, charts,
   * values and formats are removed before the new ones are written; a missing one is added at the end.
   * Calculation is suspended during the write; each request stays below Office's 5 MB limit.
   */
  replaceSheets(sheets: readonly SheetData[], options?: WriteOptions): Promise<void>;
  /**
   * Adds new sheets (the input template). Refuses, writing nothing, when any sheet or table name is
   * taken: rejects with a `NameTakenError`.
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
    this.name = "NameTakenError";
  }
}
