/**
 * Readers for untrusted input values: one place that decides what a number, an amount of money,
 * an area and a yes/no are (funding-rules.md §2, §5, §8). Each returns a value or an error with its path.
 */
import Decimal from "decimal.js";
import { Dec, Money, roundFen } from "./money";
import { Path, Result, describe, engineError, fail, ok } from "./errors";

/** A finite number (JSON number or Decimal). Text is refused: "text in number fields" is invalid input. */
export function readFiniteNumber(value: unknown, path: Path): Result<Decimal> {
  if (Decimal.isDecimal(value)) {
    return (value as Decimal).isFinite() ? ok(new Dec(value as Decimal)) : fail([engineError("type.number", path, { found: String(value) })]);
  }
  if (typeof value === "number" && Number.isFinite(value)) return ok(new Dec(value));
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    return fail([engineError("required", path)]);
  }
  return fail([engineError("type.number", path, { found: describe(value) })]);
}

/**
 * The largest amount read (1万亿 元). Far above any programme, and it keeps every sum of fen below
 * 2^53, so the per-household loops can use safe integers exactly.
 */
export const MONEY_LIMIT = new Dec("1000000000000");

/** Money ≥ 0, rounded to the fen half away from zero when read (§2). Missing → `fallback` if given. */
export function readMoney(value: unknown, path: Path, fallback?: Money): Result<Money> {
  if ((value === undefined || value === null) && fallback !== undefined) return ok(fallback);
  const r = readFiniteNumber(value, path);
  if (!r.ok) return r;
  if (r.value.isNegative()) return fail([engineError("money.negative", path, { found: describe(value) })]);
  if (r.value.greaterThan(MONEY_LIMIT)) return fail([engineError("money.tooLarge", path, { found: describe(value) })]);
  return ok(roundFen(r.value));
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
 * A yes/no cell (§5): TRUE/FALSE, 1/0, 是/否, Y/N, yes/no, √/×, 同意/不同意, case-insensitive.
 * Missing or blank → undefined (the caller decides what blank means).
 */
export function readYesNo(value: unknown, path: Path): Result<boolean | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
  }
  if (typeof value === "string") {
    const s = value.trim().toLowerCase();
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
 * (beyond that a double cannot hold what was typed). JSON input never goes through here: text in a
 * JSON number field stays an error.
 */
export function numericText(text: string): number | undefined {
  const t = text.trim().normalize("NFKC");
  if (!NUMERIC_TEXT.test(t)) return undefined;
  const plain = t.replace(/,/g, "");
  return plain.replace(/^[+-]/, "").replace(".", "").replace(/^0+/, "").length <= 15 ? Number(plain) : undefined;
}
