/** The output sheets of one run, in workbook order (测算结果, 资金汇总, 计算说明). */
import { SheetData } from "./grid";
import { WorkbookRead } from "./read";
import { buildAuditSheet, buildResultSheet, buildSummarySheet } from "./sheets";

export interface RunMeta {
  /** When the run happened. */
  readonly time: Date;
  /** Add-in version and surface, e.g. `reno-funding 0.1.0（任务窗格）`. */
  readonly version: string;
  /** Input file name, if any. */
  readonly source?: string;
  /** What of the input file could not be carried over into the result file (one line each, in Chinese). */
  readonly notCarried?: readonly string[];
}

/**
 * Builds 测算结果, 资金汇总 and 计算说明 from a successful read.
 * @example buildOutputSheets(read, { time: new Date(), version: "0.1.0" }).map((s) => s.name) // ["测算结果", "资金汇总", "计算说明"]
 */
export function buildOutputSheets(read: WorkbookRead, meta: RunMeta): SheetData[] {
  return [
    buildResultSheet(read.result),
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
