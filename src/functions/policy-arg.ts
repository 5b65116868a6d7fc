/**
 * The optional last argument `policy` of the RENO.* functions that apply policy rules (funding-rules.md §7):
 * - omitted or an empty cell → the `default` policy;
 * - a built-in id typed as text (`"yueqing-2023"` arrives as `[["yueqing-2023"]]`) or in one cell;
 * - a range of key / value rows, as on the 政策参数 sheet (a third 说明 column and a header row
 *   参数 / key are allowed and ignored), read by the engine's one policy-row reader `readPolicyRows` —
 *   the same rules and messages as the sheet and the JSON `policy` member (engine/policy.ts).
 */
import { BUILT_IN_POLICIES, Policy, PolicyRow, readPolicyRows } from "../engine";
import { isBlank } from "./args";
import { Checked, bad, fromResult, good, issue } from "./issues";

const ARG = "policy";

/** Header texts of the key column (workbook-layout.md: 参数 (key)). */
const HEADER_KEYS = new Set(["参数", "key", "参数 (key)", "参数（key）", "参数(key)"]);

/** One cell: an id (blank = default). */
function readId(cell: unknown): Checked<Policy> {
  if (isBlank(cell)) return good(BUILT_IN_POLICIES.default);
  return fromResult(readPolicyRows([{ key: "base", value: cell, keyPath: [ARG], valuePath: [ARG] }]));
}

/** Key / value rows; a first row whose key is a header text is the header. */
function readRows(rows: readonly unknown[][]): Checked<Policy> {
  const list: PolicyRow[] = [];
  rows.forEach((row, i) => {
    if (i === 0 && typeof row[0] === "string" && HEADER_KEYS.has(row[0].trim().toLowerCase())) return;
    list.push({ key: row[0], value: row[1], keyPath: [ARG, i], valuePath: [ARG, i] });
  });
  return fromResult(readPolicyRows(list));
}

/**
 * Resolves the `policy` argument. value: null / undefined (omitted), or the `any[][]` Excel passes.
 * @example readPolicyArg([["yueqing-2023"]]) // ok: the yueqing-2023 policy
 * @example readPolicyArg([["base", "default"], ["cap.perSqm", ""]]) // ok: default without a cap
 */
export function readPolicyArg(value: unknown): Checked<Policy> {
  if (value === undefined || value === null) return good(BUILT_IN_POLICIES.default);
  if (!Array.isArray(value)) return readId(value);
  if (value.length === 0 || !value.every(Array.isArray)) return bad(issue([ARG], "policy.shape", { rows: value.length, cols: 0 }));
  const rows = value as unknown[][];
  const cols = rows[0].length;
  if (cols === 1 && rows.length === 1) return readId(rows[0][0]);
  if (cols < 2 || cols > 3 || rows.some((r) => r.length !== cols)) return bad(issue([ARG], "policy.shape", { rows: rows.length, cols }));
  return readRows(rows);
}
