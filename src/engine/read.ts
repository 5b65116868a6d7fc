/**
 * Readers for untrusted input values: the one place that decides what a number, an amount of money,
 * an area, a yes/no and a number typed as text are (funding-rules.md §2, §5, §8). Every edge — JSON,
 * workbook cells, custom-function arguments, policy rows — reads through these. Each returns a value
 * or an error with its path.
 */
import Decimal from "decimal.js";
import { Dec, Money, roundFen } from "./money";
import { Path, Result, describe, engineError, fail, ok } from "./errors";

/** True for a missing value: undefined, null, or text that is only whitespace. */
export function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A date where a number is expected: named as a date, never taken as its serial number. */
function dateError(value: Date, path: Path) {
  return fail<never>([engineError("type.date", path, { found: describe(value) })]);
}

/** A finite number (JSON number or Decimal). Text is refused: "text in number fields" is invalid JSON input. */
export function readFiniteNumber(value: unknown, path: Path): Result<Decimal> {
  if (Decimal.isDecimal(value)) {
    return (value as Decimal).isFinite() ? ok(new Dec(value as Decimal)) : fail([engineError("type.number", path, { found: String(value) })]);
  }
  if (typeof value === "number" && Number.isFinite(value)) return ok(new Dec(value));
  if (isBlankValue(value)) return fail([engineError("required", path)]);
  if (value instanceof Date) return dateError(value, path);
  return fail([engineError("type.number", path, { found: describe(value) })]);
}

/**
 * A number from a cell, a function argument or a policy row: a number, or text that is a plain number
 * (`numericText`: "1,200.50", full-width "２５０"). Any other text is an error naming what was found.
 */
export function readNumberLike(value: unknown, path: Path): Result<Decimal> {
  if (typeof value === "string" && !isBlankValue(value)) {
    const n = numericText(value);
    if (n !== undefined) return ok(new Dec(n));
  }
  return readFiniteNumber(value, path);
}

/**
 * The largest amount read (1万亿 元). Far above any programme, and it keeps every sum of fen below
 * 2^53, so the per-household loops can use safe integers exactly (sums are checked: see input.ts).
 */
export const MONEY_LIMIT = new Dec("1000000000000");
/** MONEY_LIMIT in fen, as a number (exact). */
export const MONEY_LIMIT_FEN = 100_000_000_000_000;

/** True for a negative value other than −0 (−0 is zero: accepted everywhere as 0). */
export function isNegativeValue(d: Decimal): boolean {
  return d.isNegative() && !d.isZero();
}

/** Money ≥ 0 from a checked number, rounded to the fen half away from zero (§2). */
export function moneyFrom(d: Decimal, value: unknown, path: Path): Result<Money> {
  if (isNegativeValue(d)) return fail([engineError("money.negative", path, { found: describe(value) })]);
  if (d.greaterThan(MONEY_LIMIT)) return fail([engineError("money.tooLarge", path, { found: describe(value) })]);
  return ok(roundFen(d.abs()));
}

/** Money ≥ 0, rounded to the fen half away from zero when read (§2). Missing → `fallback` if given. */
export function readMoney(value: unknown, path: Path, fallback?: Money): Result<Money> {
  if ((value === undefined || value === null) && fallback !== undefined) return ok(fallback);
  const r = readFiniteNumber(value, path);
  return r.ok ? moneyFrom(r.value, value, path) : r;
}

/** Area in m², > 0 (§4.1: areas must be > 0). Kept exact, not rounded. */
export function readArea(value: unknown, path: Path): Result<Decimal> {
  const r = readFiniteNumber(value, path);
  if (!r.ok) return r;
  if (!r.value.greaterThan(0)) return fail([engineError("area.positive", path, { found: describe(value) })]);
  return r;
}

const YES = new Set(["true", "1", "是", "y", "yes", "√", "✓", "同意"]);
const NO = new Set(["false", "0", "否", "n", "no", "×", "✗", "x", "不同意"]);

/**
 * A yes/no value (§5): TRUE/FALSE, 1/0, 是/否, Y/N, yes/no, √/×, 同意/不同意, case-insensitive,
 * full-width folded. Missing or blank → undefined (the caller decides what blank means).
 */
export function readYesNo(value: unknown, path: Path): Result<boolean | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
  }
  if (typeof value === "string") {
    const s = value.normalize("NFKC").trim().toLowerCase();
    if (s === "") return ok(undefined);
    if (YES.has(s)) return ok(true);
    if (NO.has(s)) return ok(false);
  }
  return fail([engineError("type.yesno", path, { found: describe(value) })]);
}

/** Optional text; numbers are accepted and written as text (a 房号 like 101). */
export function readText(value: unknown, path: Path): Result<string | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value === "string") return ok(value);
  if (typeof value === "number" && Number.isFinite(value)) return ok(String(value));
  return fail([engineError("type.text", path, { found: describe(value) })]);
}

const NUMERIC_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A number typed as text in a spreadsheet cell ("1,200.50", full-width "３０００", spaces around), as
 * the number it shows; undefined when the text is anything else or has more than 15 significant digits
 * (beyond that a double cannot hold what was typed). JSON numbers of the household and project never
 * go through here: text there stays an error.
 */
export function numericText(text: string): number | undefined {
  const t = text.trim().normalize("NFKC");
  if (!NUMERIC_TEXT.test(t)) return undefined;
  const plain = t.replace(/,/g, "");
  return plain.replace(/^[+-]/, "").replace(".", "").replace(/^0+/, "").length <= 15 ? Number(plain) : undefined;
}
