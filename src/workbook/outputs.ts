/** The output sheets of one run, in workbook order (测算结果, 资金汇总, 计算说明). */
import { SheetData } from "./grid";
import { WorkbookRead } from "./read";
import { buildAuditSheet, buildElevatorSheet, buildResultSheet, buildSummarySheet, elevatorSheetWanted } from "./sheets";

export interface RunMeta {
  /** When the run happened. */
  readonly time: Date;
  /** Add-in version and surface, e.g. `reno-funding 0.1.0（任务窗格）`. */
  readonly version: string;
  /** Input file name, if any. */
  readonly source?: string;
  /** What of the input file could not be carried over into the result file (one line each, in Chinese). */
  readonly notCarried?: readonly string[];
  /**
   * The workbook's sheet names before the run, when the adapter knows them: a 电梯分摊 left by an earlier
   * run is then replaced (with a "no elevators" note) when 加装电梯 has no rows any more.
   */
  readonly existingSheets?: readonly string[];
}

/**
 * Builds 测算结果, 资金汇总 and 计算说明 from a successful read — and 电梯分摊 after 测算结果 when 加装电梯
 * has rows (elevator-rules.md), or when an earlier run left one (`meta.existingSheets`).
 * @example buildOutputSheets(read, { time: new Date(), version: "0.1.0" }).map((s) => s.name) // ["测算结果", "资金汇总", "计算说明"]
 */
export function buildOutputSheets(read: WorkbookRead, meta: RunMeta): SheetData[] {
  return [
    buildResultSheet(read.result),
    ...(elevatorSheetWanted(read.result, meta.existingSheets) ? [buildElevatorSheet(read.result, read.stage)] : []),
    buildSummarySheet(read.result, read.stage, read.other, read.stageBasis),
    buildAuditSheet(read.result, {
      time: meta.time,
      version: meta.version,
      stage: read.stage,
      rowCounts: read.counts,
      source: meta.source,
      stageBasis: read.stageBasis,
      skippedRows: read.skippedRows,
      notCarried: meta.notCarried,
    }),
  ];
}
