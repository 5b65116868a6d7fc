/**
 * Messages of the custom-function edge that the engine's catalogue (engine/errors.ts) has no code for:
 * the shape of ranges and of the policy argument. One catalogue, Chinese and English; tests pin the text.
 */
import { Path } from "../engine";
import { Issue } from "./issues";

const issue = (path: Path, zh: string, en: string): Issue => ({ path, zh, en });

export const messages = {
  /** A range argument that must be one column. */
  notColumn: (arg: string, rows: number, cols: number): Issue =>
    issue([arg], `应为单列区域，实为 ${rows} 行 × ${cols} 列`, `expected a single column, found ${rows} rows × ${cols} columns`),
  /** Two columns that describe the same households must have the same number of rows. */
  heightMismatch: (arg: string, rows: number, ref: string, refRows: number): Issue =>
    issue([arg], `行数 ${rows} 与 ${ref} 的行数 ${refRows} 不一致`, `has ${rows} rows but ${ref} has ${refRows}`),
  /** A range argument that is not a range at all (a defensive check: Excel always passes a matrix). */
  notRange: (arg: string): Issue => issue([arg], "应为单元格区域", "expected a cell range"),
  /** The policy argument is neither an id nor a key / value range. */
  policyShape: (rows: number, cols: number): Issue =>
    issue(
      ["policy"],
      `应为政策编号（default、yueqing-2023）或“参数、值”两列区域，实为 ${rows} 行 × ${cols} 列`,
      `expected a policy id (default, yueqing-2023) or a two-column key / value range, found ${rows} rows × ${cols} columns`,
    ),
  /** The same policy key twice: which one was meant is unknowable, so neither is used. */
  policyDuplicateKey: (row: number, key: string, firstRow: number): Issue =>
    issue(["policy", row], `参数“${key}”重复（第${firstRow + 1}行已给出）`, `key "${key}" is repeated (already given on row ${firstRow + 1})`),
  /** A bug, never bad input: still a #VALUE! with a message rather than an uncaught throw. */
  internal: (detail: string): Issue => issue([], `内部错误：${detail}`, `internal error: ${detail}`),
};
