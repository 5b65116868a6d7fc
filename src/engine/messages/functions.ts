/** Messages of the custom-function edge about the shape of ranges and arguments (office-platform.md). */
import { text } from "./define";

export const FUNCTION_MESSAGES = {
  "range.notColumn": text<{ rows: number; cols: number }>(
    (p) => `应为单列区域，实为 ${p.rows} 行 × ${p.cols} 列`,
    (p) => `expected a single column, found ${p.rows} rows × ${p.cols} columns`,
  ),
  "range.notCell": text<{ rows: number; cols: number }>(
    (p) => `应为一个单元格，实为 ${p.rows} 行 × ${p.cols} 列的区域`,
    (p) => `expected one cell, found a range of ${p.rows} rows × ${p.cols} columns`,
  ),
  "range.height": text<{ rows: number; ref: string; refRows: number }>(
    (p) => `行数 ${p.rows} 与 ${p.ref} 的行数 ${p.refRows} 不一致`,
    (p) => `has ${p.rows} rows but ${p.ref} has ${p.refRows}`,
  ),
  "range.notRange": text(
    () => "应为单元格区域",
    () => "expected a cell range",
  ),
  "policy.shape": text<{ rows: number; cols: number }>(
    (p) => `应为政策编号（default、yueqing-2023）或“参数、值”两列区域，实为 ${p.rows} 行 × ${p.cols} 列`,
    (p) => `expected a policy id (default, yueqing-2023) or a two-column key / value range, found ${p.rows} rows × ${p.cols} columns`,
  ),
  internal: text<{ detail: string }>(
    (p) => `内部错误：${p.detail}`,
    (p) => `internal error: ${p.detail}`,
  ),
} as const;
