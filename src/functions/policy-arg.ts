/**
 * The optional last argument `policy` of the RENO.* functions that apply policy rules (funding-rules.md §7):
 * - omitted or an empty cell → the `default` policy;
 * - a built-in id typed as text (`"yueqing-2023"` arrives as `[["yueqing-2023"]]`) or in one cell;
 * - a range of key / value rows: an optional `base` row, then any §7 keys, as on the 政策参数 sheet
 *   (a third 说明 column and a header row 参数 / key are allowed and ignored; blank rows are skipped).
 * An unknown key or id is an error naming its row: a typo must never fall back to a default.
 */
import { BUILT_IN_POLICIES, BUILT_IN_POLICY_IDS, Path, Policy, PolicyOverride, buildPolicy, describe, engineError, isBuiltInPolicyId } from "../engine";
import { isBlank } from "./args";
import { Checked, bad, fromResult, good } from "./issues";
import { messages } from "./messages";

const ARG = "policy";

/** Header texts of the key column (workbook-layout.md: 参数 (key)). */
const HEADER_KEYS = new Set(["参数", "key", "参数 (key)", "参数（key）", "参数(key)"]);

/** A key / value cell as the engine expects it: text trimmed, an empty cell as null. */
function cellValue(v: unknown): unknown {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  return v === undefined ? null : v;
}

/** An unknown id, shown as typed (the catalogue puts it in “…” itself). */
function unknownId(cell: unknown, path: Path): Checked<never> {
  const found = typeof cell === "string" ? cell.trim() : describe(cell);
  return bad(engineError("policy.unknownId", path, { found, detail: BUILT_IN_POLICY_IDS.join(", ") }));
}

function readId(cell: unknown): Checked<Policy> {
  if (isBlank(cell)) return good(BUILT_IN_POLICIES.default);
  if (typeof cell !== "string" || !isBuiltInPolicyId(cell.trim())) return unknownId(cell, [ARG]);
  return fromResult(buildPolicy(cell.trim(), [ARG], []));
}

function readRows(rows: readonly unknown[][]): Checked<Policy> {
  let base: unknown = undefined;
  let basePath: (string | number)[] = [ARG];
  const overrides: PolicyOverride[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const key = cellValue(rows[i][0]);
    const value = cellValue(rows[i][1]);
    if (key === null) {
      if (value === null) continue; // a blank row
      return bad(engineError("required", [ARG, i]));
    }
    const k = String(key);
    if (i === 0 && HEADER_KEYS.has(k.toLowerCase())) continue;
    const first = seen.get(k);
    if (first !== undefined) return bad(messages.policyDuplicateKey(i, k, first));
    seen.set(k, i);
    if (k === "base") {
      if (value !== null && !isBuiltInPolicyId(value)) return unknownId(value, [ARG, i]);
      base = value;
      basePath = [ARG, i];
    } else {
      overrides.push({ key: k, value, path: [ARG, i] });
    }
  }
  return fromResult(buildPolicy(base, basePath, overrides));
}

/**
 * Resolves the `policy` argument. value: null / undefined (omitted), or the `any[][]` Excel passes.
 * @example readPolicyArg([["yueqing-2023"]]) // ok: the yueqing-2023 policy
 * @example readPolicyArg([["base", "default"], ["cap.perSqm", ""]]) // ok: default without a cap
 */
export function readPolicyArg(value: unknown): Checked<Policy> {
  if (value === undefined || value === null) return good(BUILT_IN_POLICIES.default);
  if (!Array.isArray(value)) return readId(value);
  if (value.length === 0 || !value.every(Array.isArray)) return bad(messages.policyShape(value.length, 0));
  const rows = value as unknown[][];
  const cols = rows[0].length;
  if (cols === 1 && rows.length === 1) return readId(rows[0][0]);
  if (cols < 2 || cols > 3 || rows.some((r) => r.length !== cols)) return bad(messages.policyShape(rows.length, cols));
  return readRows(rows);
}
