/**
 * Exact fixed-point helpers for the per-household hot loops (funding-rules.md §2).
 *
 * A JSON or Excel number is exactly the decimal its shortest text shows (`String(88.5)` = "88.5"),
 * so areas and money are carried as that text and turned into integers (fen, or area × 10^scale)
 * by string operations: exact, and far cheaper than a Decimal per cell. Never binary floating
 * point arithmetic on these values.
 */
import Decimal from "decimal.js";
import { Dec, Exact, Fen } from "./money";
import { X, XInt } from "./exact-int";

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
/** |m| below this keeps m / 10^k unique per double (see decimalText). */
const FAST_LIMIT = 2 ** 50;

/**
 * Plain decimal text without exponent: "88.5", "-0.01", "1200" — the shortest text that reads back as
 * the same number. value: a finite number or Decimal.
 *
 * Fast path, exact: if m / 10^k (k ≤ 6, |m| < 2^50) reads back as x, that decimal is x's shortest text —
 * below 2^50 / 10^k the doubles are closer together than 10^-k / 4, so no other k-digit decimal reads
 * back as x, and a shorter text would have been found at a smaller k.
 */
export function decimalText(value: number | Decimal): string {
  if (typeof value !== "number") return value.toFixed();
  const p = exactParts(value);
  if (p !== undefined) {
    if (p.k === 0) return String(p.m);
    const digits = String(Math.abs(p.m)).padStart(p.k + 1, "0");
    return `${p.m < 0 ? "-" : ""}${digits.slice(0, -p.k)}.${digits.slice(-p.k)}`;
  }
  const s = String(value);
  return s.includes("e") ? new Dec(value).toFixed() : s;
}

/**
 * A finite number or a plain decimal text: what the per-household loops carry. A number stands for
 * exactly the decimal its shortest text shows (`decimalText`), never for its binary value.
 */
export type DecimalValue = number | string;

/**
 * x = m / 10^k exactly (k ≤ 6, |m| < 2^50), by the round-trip test of `decimalText`; undefined when x
 * needs more digits (the caller then goes through its text).
 */
export function exactParts(x: number): { m: number; k: number } | undefined {
  if (Number.isInteger(x)) return Math.abs(x) < FAST_LIMIT ? { m: x === 0 ? 0 : x, k: 0 } : undefined;
  for (let k = 1; k <= 6; k++) {
    const m = Math.round(x * POW10[k]);
    if (Math.abs(m) >= FAST_LIMIT) return undefined;
    if (m / POW10[k] === x) return { m, k };
  }
  return undefined;
}

/** A value's plain decimal text. */
export function valueText(v: DecimalValue): string {
  return typeof v === "string" ? v : decimalText(v);
}

/**
 * Money ≥ 0 (a number as its shortest text shows it, or a plain decimal text) → integer fen, half away
 * from zero. Below 10^13 元 the result is a safe integer. Fast path: a number with ≤ 2 decimals is
 * m / 100 exactly (`exactParts`).
 */
export function valueToFen(v: DecimalValue): Fen {
  if (typeof v === "number") {
    const p = exactParts(v);
    if (p !== undefined && p.k <= 2) {
      const f = p.m * POW10[2 - p.k];
      if (Number.isSafeInteger(f)) return (f === 0 ? 0 : f) as Fen;
    }
  }
  return textToFenNumber(valueText(v));
}

/** Digits after the point in a plain decimal text. */
export function fractionDigits(text: string): number {
  const i = text.indexOf(".");
  return i < 0 ? 0 : text.length - i - 1;
}

/** A plain decimal text (≥ 0 or not) × 10^scale as an exact integer. scale ≥ the text's fraction digits. */
export function scaledInteger(text: string, scale: number): XInt {
  const i = text.indexOf(".");
  if (i < 0) return X.of(text + ZEROS.slice(0, scale));
  const frac = text.slice(i + 1);
  return X.of(text.slice(0, i) + frac + ZEROS.slice(0, scale - frac.length));
}

/** Plain decimal text → integer fen, half away from zero (§2: money inputs rounded to the fen when read). */
export function textToFen(text: string): Decimal {
  return new Exact(text).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/**
 * textToFen for amounts below 10^13 元 (≤ 15 digits of fen): the result is a safe integer.
 * Fast path: an integer text of ≤ 13 digits is its value × 100 (exact, < 2^53).
 */
export function textToFenNumber(text: string): Fen {
  if (text.length <= 13 && text.indexOf(".") < 0) return (Number(text) * 100) as Fen;
  return textToFen(text).toNumber() as Fen;
}

/**
 * Exact floor(p / d) for safe integers p ≥ 0, d > 0 held in doubles: the double quotient can round
 * across an integer, so the remainder steps it back. Returns [quotient, remainder].
 */
export function floorDivSafe(p: number, d: number): [number, number] {
  let k = Math.floor(p / d);
  let r = p - k * d;
  if (r < 0) {
    k -= 1;
    r += d;
  } else if (r >= d) {
    k += 1;
    r -= d;
  }
  return [k, r];
}

/**
 * Decimal texts ≥ 0 scaled to integers sharing one power of ten. `nums` holds them as doubles when
 * every value and their sum are safe integers (exact, and far cheaper than Decimals); `exact` always
 * gives the exact values.
 */
export interface ScaledValues {
  readonly scale: number;
  readonly length: number;
  /** Present when Σ values ≤ 2^53 − 1: every value and every partial sum is then exact in a double. */
  readonly nums?: Float64Array;
  /** The largest value, when `nums` is present. */
  readonly max?: number;
  /** Σ values, exact. */
  readonly sum: XInt;
  /** The values as exact integers (for sums past 2^53). */
  exact(): readonly XInt[];
}

const ZEROS = "0".repeat(400);

/**
 * Scales values ≥ 0 (numbers or plain decimal texts) to integers sharing one power of ten. Numbers with
 * ≤ 6 decimals are scaled in doubles without a text (`exactParts`); anything else through its text.
 */
export function scaleValues(values: readonly DecimalValue[]): ScaledValues {
  const n = values.length;
  const ms = new Float64Array(n);
  const ks = new Uint8Array(n);
  let scale = 0;
  let viaText = false;
  for (let i = 0; i < n && !viaText; i++) {
    const v = values[i];
    const p = typeof v === "number" ? exactParts(v) : undefined;
    if (p === undefined) viaText = true;
    else {
      ms[i] = p.m;
      ks[i] = p.k;
      if (p.k > scale) scale = p.k;
    }
  }
  if (viaText) return scaleTexts(values.map(valueText));
  const nums = ms;
  let sum = 0;
  let max = 0;
  let safe = true;
  for (let i = 0; i < n; i++) {
    const v = ks[i] === scale ? ms[i] : ms[i] * POW10[scale - ks[i]];
    nums[i] = v;
    sum += v;
    if (v > max) max = v;
    if (!(sum <= Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER)) safe = false;
  }
  if (!safe) return scaleTexts(values.map(valueText));
  let cache: XInt[] | undefined;
  const exact = () => (cache ??= values.map((v) => scaledInteger(valueText(v), scale)));
  return { scale, length: n, nums, max, sum: X.fromNumber(sum), exact };
}

/** Scales decimal texts (≥ 0) to integers sharing one power of ten. */
export function scaleTexts(texts: readonly string[]): ScaledValues {
  let scale = 0;
  for (const t of texts) {
    const d = fractionDigits(t);
    if (d > scale) scale = d;
  }
  const n = texts.length;
  const nums = new Float64Array(n);
  let sum = 0;
  let max = 0;
  let safe = true;
  for (let i = 0; i < n && safe; i++) {
    const t = texts[i];
    const dot = t.indexOf(".");
    const digits = dot < 0 ? t + ZEROS.slice(0, scale) : t.slice(0, dot) + t.slice(dot + 1) + ZEROS.slice(0, scale - (t.length - dot - 1));
    const v = digits.length <= 15 ? Number(digits) : NaN; // ≤ 15 digits: always exact
    if (Number.isNaN(v)) safe = false;
    nums[i] = v;
    sum += v;
    if (v > max) max = v;
    if (sum > Number.MAX_SAFE_INTEGER) safe = false;
  }
  let cache: XInt[] | undefined;
  const exact = () => (cache ??= texts.map((t) => scaledInteger(t, scale)));
  if (safe) return { scale, length: n, nums, max, sum: X.fromNumber(sum), exact };
  return { scale, length: n, sum: exactSum(exact()), exact };
}

function exactSum(values: readonly XInt[]): XInt {
  let s = X.fromNumber(0);
  for (const v of values) s = X.add(s, v);
  return s;
}

/** Integer weights ≥ 0 written as decimal text (`"123456789012345678"`) as ScaledValues. */
export function integerWeights(weights: readonly string[]): ScaledValues {
  return scaleTexts(weights);
}
