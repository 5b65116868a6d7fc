/**
 * What the reading and writing halves of the Office.js port share: the host, the optional API a host
 * may lack, request limits, and one error type carrying Excel's code.
 */
import { READ_CELLS_PER_SYNC, WRITE_BUDGET_BYTES } from "./chunk";
import { NameTakenError } from "./port";

/** The parts of the `Excel` namespace the port uses (the real one, or a fake in tests). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Optional API the host may lack (above ExcelApi 1.1); detected once at start-up. */
export interface PortFeatures {
  /** ExcelApi 1.2: `format.columnWidth`, `getUsedRange(valuesOnly)`. */
  readonly columnWidths?: boolean;
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
  /**
   * ExcelApi 1.2: setting `worksheet.visibility` (reading it is 1.1). Without it (Excel 2016 volume-licensed)
   * the temporary sheets of a write stay visible until they are swapped in; absent = available.
   */
  readonly sheetVisibility?: boolean;
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
    // An ES5 build (the legacy task pane for Internet Explorer 11) loses the prototype of an Error subclass.
    Object.setPrototypeOf(this, ExcelIoError.prototype);
    this.name = "ExcelIoError";
  }
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** One `Excel.run`, its failures turned into ExcelIoError (our own errors pass through). */
export function runner(excel: ExcelHost) {
  return async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await excel.run(batch);
    } catch (e) {
      if (e instanceof NameTakenError || e instanceof ExcelIoError) throw e;
      throw new ExcelIoError(errorCode(e) || "GeneralException", (e as Error)?.message ?? String(e));
    }
  };
}

/** Loads sheet and table names (the caller syncs). */
export function loadNames(ctx: Excel.RequestContext) {
  const sheets = ctx.workbook.worksheets.load("items/name");
  const tables = ctx.workbook.tables.load("items/name");
  return () => ({ sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) });
}
