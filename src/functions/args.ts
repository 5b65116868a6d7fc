/**
 * Readers for the arguments Excel passes to a custom function (funding-rules.md §2, §5, §8).
 *
 * Excel numbers are converted to the engine's exact decimals at this edge — `decimalText` for the
 * per-row columns, the engine readers (Decimal, rounded to the fen) for scalars — so no money is ever
 * computed in binary floating point. Ranges arrive as `any[][]`; an empty cell arrives as `null` or "".
 */
import Decimal from "decimal.js";
import { Money, StatusKey, ZERO_MONEY, decimalText, describe, engineError, numericText, parseStatuses, readArea, readMoney, readYesNo } from "../engine";
import { isBlank } from "../workbook/grid";
import { Checked, bad, fromResult, good, issue } from "./issues";

/** True for an omitted argument or an empty cell: the workbook layout's own blank test. */
export { isBlank };

/**
 * A money argument (元, ≥ 0), rounded to the fen when read (§2). arg: the parameter's name.
 * Omitted (null) → `fallback` when given (optional arguments such as `social`).
 */
export function readMoneyArg(value: unknown, arg: string, fallback?: Money): Checked<Money> {
  // An empty cell passed to a number parameter arrives as 0 in Excel; "" / null can still reach us.
  const v = fallback !== undefined && isBlank(value) ? null : value;
  return fromResult(readMoney(v, [arg], fallback));
}

/** Optional money (social capital): omitted or blank = 0 (funding-rules.md §3: S default 0). */
export function readOptionalMoneyArg(value: unknown, arg: string): Checked<Money> {
  return readMoneyArg(value, arg, ZERO_MONEY);
}

/** An area argument, m² > 0, kept exact (§3: A > 0). */
export function readAreaArg(value: unknown, arg: string): Checked<Decimal> {
  return fromResult(readArea(value, [arg]));
}

/**
 * A range that must be one column: its cells top to bottom. A single cell counts as a column of one.
 * matrix: what Excel passes for an `any[][]` parameter.
 */
export function readColumn(matrix: unknown, arg: string): Checked<unknown[]> {
  if (!Array.isArray(matrix) || matrix.length === 0 || !matrix.every(Array.isArray)) return bad(issue([arg], "range.notRange"));
  const rows = matrix as unknown[][];
  const cols = rows[0].length;
  if (cols !== 1 || rows.some((r) => r.length !== 1)) return bad(issue([arg], "range.notColumn", { rows: rows.length, cols }));
  const cells = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) cells[i] = rows[i][0];
  return good(cells);
}

/** Checks that columns describing the same rows have the same height; the first one is the reference. */
export function checkSameHeight(columns: readonly { readonly arg: string; readonly cells: readonly unknown[] }[]): Checked<void> {
  const [ref, ...rest] = columns;
  for (const c of rest) {
    if (c.cells.length !== ref.cells.length) return bad(issue([c.arg], "range.height", { rows: c.cells.length, ref: ref.arg, refRows: ref.cells.length }));
  }
  return good(undefined);
}

/**
 * A number cell as exact plain decimal text. A number stored as text ("1,200.50") counts as the number
 * it shows, as in the workbook reader; other text, booleans and blanks are refused (§8).
 */
function numberCell(value: unknown, arg: string, row: number): Checked<string> {
  if (typeof value === "number" && Number.isFinite(value)) return good(decimalText(value));
  const n = typeof value === "string" ? numericText(value) : undefined;
  if (n !== undefined) return good(decimalText(n));
  if (isBlank(value)) return bad(engineError("required", [arg, row]));
  return bad(engineError("type.number", [arg, row], { found: describe(value) }));
}

/**
 * A column of areas, m² > 0 (§4.1: areas must be > 0), as exact decimal texts for the engine's
 * integer hot loops.
 */
export function readAreaColumn(cells: readonly unknown[], arg: string): Checked<string[]> {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = numberCell(cells[i], arg, i);
    if (!r.ok) return r;
    // The sign is read off the exact text (no arithmetic on the value).
    if (r.value.startsWith("-") || !/[1-9]/.test(r.value)) return bad(engineError("area.positive", [arg, i], { found: describe(cells[i]) }));
    out[i] = r.value;
  }
  return good(out);
}

/** A column of allocation weights ≥ 0, as exact decimal texts. */
export function readWeightColumn(cells: readonly unknown[], arg: string): Checked<string[]> {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = numberCell(cells[i], arg, i);
    if (!r.ok) return r;
    if (r.value.startsWith("-")) return bad(engineError("weight.negative", [arg, i], { found: describe(cells[i]) }));
    out[i] = r.value;
  }
  return good(out);
}

/**
 * A scalar argument given as a range: its one cell; a range of several cells is an error (it would
 * otherwise be read as the text of all its cells).
 */
export function readOneCell(value: unknown, arg: string): Checked<unknown> {
  if (!Array.isArray(value)) return good(value);
  const rows = value as unknown[][];
  const cols = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (rows.length === 1 && cols === 1) return good(rows[0][0]);
  return bad(issue([arg], "range.notCell", { rows: rows.length, cols }));
}

/** One status cell (§4.3): blank = no status; several labels separated by 、 , ， ; ； / or spaces. */
export function readStatusCell(value: unknown, arg: string, row?: number): Checked<StatusKey[]> {
  const path = row === undefined ? [arg] : [arg, row];
  if (row === undefined) {
    const one = readOneCell(value, arg);
    if (!one.ok) return one;
    value = one.value;
  }
  if (isBlank(value)) return good([]);
  // A number or TRUE in a status cell is never a label: as text, it is named like an unknown label.
  return fromResult(parseStatuses(String(value), path));
}

/** A column of status cells. */
export function readStatusColumn(cells: readonly unknown[], arg: string): Checked<StatusKey[][]> {
  const out = new Array<StatusKey[]>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = readStatusCell(cells[i], arg, i);
    if (!r.ok) return r;
    out[i] = r.value;
  }
  return good(out);
}

/** A column of yes/no cells (§5 values); blank = no. */
export function readYesNoColumn(cells: readonly unknown[], arg: string): Checked<boolean[]> {
  const out = new Array<boolean>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = fromResult(readYesNo(cells[i], [arg, i]));
    if (!r.ok) return r;
    out[i] = r.value === true;
  }
  return good(out);
}
