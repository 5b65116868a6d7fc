/** The output sheets of one run, in workbook order (测算结果, 资金汇总, 计算说明), and the payment notices. */
import { SheetData } from "./grid";
import { WorkbookRead } from "./read";
import { NoticeResult, buildAuditSheet, buildElevatorSheet, buildNoticeSheet, buildResultSheet, buildSummarySheet, elevatorSheetWanted } from "./sheets";

export interface RunMeta {
  /** When the run happened. */
  readonly time: Date;
  /** Add-in version and surface, e.g. `reno-funding 0.1.0（任务窗格）`. */
  readonly version: string;
  /** Input file name, if any (the task pane reads the open workbook: none). */
  readonly source?: string;
  /** SHA-256 of the input file (`sha256Hex` of its bytes), printed in 计算说明 next to its name. */
  readonly sourceSha256?: string;
  /** Parts of the input workbook not carried over to the result file, one run-information line in 计算说明. */
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
    buildResultSheet(read.result, { stage: read.stage, time: meta.time }),
    ...(elevatorSheetWanted(read.result, meta.existingSheets) ? [buildElevatorSheet(read.result, { stage: read.stage, time: meta.time })] : []),
    buildSummarySheet(read.result, read.stage, read.other, { basis: read.stageBasis, time: meta.time }),
    buildAuditSheet(read.result, {
      time: meta.time,
      version: meta.version,
      stage: read.stage,
      rowCounts: read.counts,
      source: meta.source,
      sourceSha256: meta.sourceSha256,
      stageBasis: read.stageBasis,
      skippedRows: read.skippedRows,
      notCarried: meta.notCarried,
    }),
  ];
}

/**
 * 缴费通知 of a successful read: one notice per household, `perPage` (2 or 4) to an A4 page, with the
 * payment account, deadline and officer from the optional 项目信息 rows; dated `time` (local date).
 */
export function buildNotices(read: WorkbookRead, options: { readonly time: Date; readonly perPage?: 2 | 4 }): NoticeResult {
  const t = options.time;
  return buildNoticeSheet(read.result, {
    stage: read.stage,
    info: read.notice,
    perPage: options.perPage,
    date: { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate() },
  });
}
