/**
 * The workbook port on Office.js (ExcelApi 1.1; newer sets feature-detected): reading in
 * office-read.ts, atomic writing in office-write.ts. Rules followed (office-platform.md "Task pane I/O"):
 * one 2-D `values` / `numberFormat` array per range, never cell by cell; requests below 5 MB;
 * calculation and screen updating suspended where the requirement sets have them.
 */
import type { SheetData } from "../workbook";
import { DEFAULT_LIMITS, ExcelHost, PortFeatures, PortLimits, loadNames, runner } from "./office-common";
import { readInputSheets } from "./office-read";
import { WriteMode, deleteTempSheets, writeSheets } from "./office-write";
import { WorkbookPort, WriteOptions } from "./port";

export { DEFAULT_LIMITS, ExcelIoError } from "./office-common";
export type { ExcelHost, PortFeatures, PortLimits } from "./office-common";
export { chartPlace, charsToPoints, isTempSheet } from "./office-write";

export function createOfficePort(excel: ExcelHost, features: PortFeatures, limits: PortLimits = DEFAULT_LIMITS): WorkbookPort {
  const run = runner(excel);

  /** Writes; on failure removes the temporary sheets (best effort) and rethrows the first error. */
  const write = async (sheets: readonly SheetData[], mode: WriteMode, options: WriteOptions | undefined) => {
    try {
      await run((ctx) => writeSheets(ctx, sheets, mode, features, limits, options));
    } catch (e) {
      // The old sheets were never touched; what was written is hidden and goes now (or next run).
      await run((ctx) => deleteTempSheets(ctx)).catch(() => undefined);
      throw e;
    }
  };

  return {
    inspect: () =>
      run(async (ctx) => {
        const names = loadNames(ctx);
        await ctx.sync();
        return names();
      }),
    readInputs: (kinds, onProgress) => run((ctx) => readInputSheets(ctx, kinds, features, limits, onProgress)),
    replaceSheets: (sheets, options) => write(sheets, "replace", options),
    createSheets: (sheets, options) => write(sheets, "create", options),
    selectRange: (sheet, address) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      }),
  };
}
